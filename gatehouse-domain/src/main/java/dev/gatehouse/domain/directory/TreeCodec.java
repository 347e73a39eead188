package dev.gatehouse.domain.directory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bytes for a tree of maps, lists, strings, booleans and longs, and back: the body of a stored
 * directory entry. A version byte leads, so that a later form can still read this one; bytes that are
 * not exactly one tree are refused.
 */
final class TreeCodec {
    private static final int VERSION = 1;
    private static final int STRING = 1;
    private static final int TRUE = 2;
    private static final int FALSE = 3;
    private static final int LONG = 4;
    private static final int LIST = 5;
    private static final int MAP = 6;

    private TreeCodec() {
    }

    static byte[] encode(Map<String, Object> tree) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            write(out, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> decode(byte[] body) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown directory entry version " + version);
            }
            Object tree = read(in);
            if (in.read() != -1) {
                throw new IllegalArgumentException("trailing bytes after a directory entry");
            }
            if (!(tree instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("a directory entry is not a map");
            }
            return (Map<String, Object>) map;
        } catch (EOFException e) {
            throw new IllegalArgumentException("truncated directory entry", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DataOutputStream out, Object value) throws IOException {
        switch (value) {
            case String s -> {
                out.writeByte(STRING);
                writeString(out, s);
            }
            case Boolean b -> out.writeByte(b ? TRUE : FALSE);
            case Long l -> {
                out.writeByte(LONG);
                out.writeLong(l);
            }
            case Integer i -> {
                out.writeByte(LONG);
                out.writeLong(i);
            }
            case List<?> list -> {
                out.writeByte(LIST);
                out.writeInt(list.size());
                for (Object item : list) {
                    write(out, item);
                }
            }
            case Map<?, ?> map -> {
                out.writeByte(MAP);
                out.writeInt(map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    writeString(out, (String) e.getKey());
                    write(out, e.getValue());
                }
            }
            default -> throw new IllegalArgumentException("cannot store a " + value.getClass().getSimpleName());
        }
    }

    private static Object read(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case STRING -> readString(in);
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case LONG -> in.readLong();
            case LIST -> {
                int n = count(in);
                List<Object> list = new ArrayList<>(Math.min(n, 64));
                for (int i = 0; i < n; i++) {
                    list.add(read(in));
                }
                yield list;
            }
            case MAP -> {
                int n = count(in);
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(readString(in), read(in));
                }
                yield map;
            }
            default -> throw new IllegalArgumentException("unknown value tag " + tag + " in a directory entry");
        };
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[count(in)];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IllegalArgumentException("bad length " + n + " in a directory entry");
        }
        return n;
    }
}
