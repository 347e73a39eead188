package dev.gatehouse.domain.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The signature arithmetic against the "get-vanilla" case of AWS's SigV4 test suite. */
class SigV4Test {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String AMZ_DATE = "20150830T123600Z";
    private static final SigV4.Scope SCOPE = new SigV4.Scope("20150830", "us-east-1", "service", "aws4_request");
    private static final String CANONICAL_REQUEST = String.join("\n",
            "GET",
            "/",
            "",
            "host:example.amazonaws.com",
            "x-amz-date:" + AMZ_DATE,
            "",
            "host;x-amz-date",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    @Test
    void stringToSignHashesTheCanonicalRequestUnderTheScope() {
        assertThat(SigV4.stringToSign(AMZ_DATE, SCOPE, CANONICAL_REQUEST)).isEqualTo(String.join("\n",
                "AWS4-HMAC-SHA256",
                AMZ_DATE,
                "20150830/us-east-1/service/aws4_request",
                "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63"));
    }

    @Test
    void signatureMatchesTheTestSuite() {
        assertThat(SigV4.signature(SECRET, SCOPE, AMZ_DATE, CANONICAL_REQUEST))
                .isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void signaturesCompareWhole() {
        String signature = SigV4.signature(SECRET, SCOPE, AMZ_DATE, CANONICAL_REQUEST);
        assertThat(SigV4.sameSignature(signature, signature)).isTrue();
        assertThat(SigV4.sameSignature(signature, signature.substring(0, 63))).isFalse();
        assertThat(SigV4.sameSignature(signature, signature.toUpperCase())).isFalse();
    }

    @Test
    void reservedRolesAreStableAndShapedLikeIdentityCenters() {
        byte[] key = new byte[32];
        ReservedRoles roles = new ReservedRoles(key);
        ReservedRoles.Role admin = roles.of("111111111111", "AdministratorAccess");
        assertThat(admin.name()).matches("AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}");
        assertThat(admin.id()).matches("AROA[A-Z2-7]{17}");
        assertThat(new ReservedRoles(key.clone()).of("111111111111", "AdministratorAccess")).isEqualTo(admin);
        assertThat(roles.of("222222222222", "AdministratorAccess").id()).isNotEqualTo(admin.id());
        key[0] = 1;
        assertThat(new ReservedRoles(key).of("111111111111", "AdministratorAccess").id()).isNotEqualTo(admin.id());
    }
}
