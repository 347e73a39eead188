package dev.gatehouse.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Turns a file or a text into the root node of its single YAML document, with start marks on every
 * node. Anything that prevents that (missing or unreadable file, bad encoding, empty document, syntax
 * error) is reported at once as a {@link ConfigException}.
 */
final class YamlDocument {
    /**
     * The largest document read, in code points: a directory of 10,000 users, 1,000 groups and accounts
     * and 100,000 assignments is about 13 million; snakeyaml-engine's default (3 MiB) would refuse it.
     */
    static final int MAX_CODE_POINTS = 128 * 1024 * 1024;

    private YamlDocument() {
    }

    static Node read(Path file, Problems problems) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw problems.fatal(1, "is a directory, not a configuration file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw problems.fatal(1, "file not found");
        } catch (AccessDeniedException e) {
            throw problems.fatal(1, "cannot read the file: permission denied");
        } catch (IOException e) {
            throw problems.fatal(1, "cannot read the file: " + e);
        }
        return parse(decodeUtf8(bytes, problems), problems);
    }

    static Node parse(String text, Problems problems) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(problems.source())
                .setSchema(new CoreSchema())
                .setUseMarks(true)
                .setCodePointLimit(MAX_CODE_POINTS)
                .build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            throw problems.fatal(mark.map(m -> m.getLine() + 1).orElse(1),
                    "YAML syntax error: " + context + e.getProblem());
        } catch (ReaderException e) {
            throw problems.fatal(lineOfCodePoint(text, e.getPosition()),
                    "YAML syntax error: " + e.getMessage() + " (code point U+%04X)".formatted(e.getCodePoint()));
        } catch (YamlEngineException e) {
            throw problems.fatal(1, "YAML error: " + e.getMessage());
        }
        return root.orElseThrow(() -> problems.fatal(1, "the file is empty (expected a YAML mapping)"));
    }

    /** 1-based line on which a YAML node starts. */
    static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
    }

    private static String decodeUtf8(byte[] bytes, Problems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw problems.fatal(line, "the file is not valid UTF-8");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineOfCodePoint(String text, int codePointIndex) {
        int line = 1;
        int[] codePoints = text.codePoints().limit(Math.max(0, codePointIndex)).toArray();
        for (int cp : codePoints) {
            if (cp == '\n') {
                line++;
            }
        }
        return line;
    }
}
