package dev.gatehouse.domain.directory;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Password hashing with Argon2id (OWASP parameters: 19 MiB, 2 iterations, 1 lane). Verification also
 * accepts bcrypt hashes, so that operators can bring hashes made by other tools.
 */
public final class Passwords {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

    private Passwords() {
    }

    public static String hash(String plain) {
        return Password.hash(plain).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public static boolean verify(String plain, String encodedHash) {
        if (isArgon2id(encodedHash)) {
            return Password.check(plain, encodedHash).with(Argon2Function.getInstanceFromHash(encodedHash));
        }
        if (isBcrypt(encodedHash)) {
            return Password.check(plain, encodedHash).withBcrypt();
        }
        return false;
    }

    /** True when the text is an encoded hash this class can verify. */
    public static boolean isSupportedHash(String encodedHash) {
        return isArgon2id(encodedHash) || isBcrypt(encodedHash);
    }

    private static boolean isArgon2id(String encoded) {
        return encoded.startsWith("$argon2id$");
    }

    private static boolean isBcrypt(String encoded) {
        return encoded.matches("^\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}$");
    }
}
