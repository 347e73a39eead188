package dev.gatehouse.cli.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.client.gatehouseadmin.model.AdminKey;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How the admin commands print: JSON (AWS-style member names, times as ISO-8601) or aligned tables. */
final class AdminPrinter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminPrinter() {
    }

    static void json(PrintWriter out, Object value) {
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    /** An admin key's members, without any secret. */
    static Map<String, Object> members(AdminKey key) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("AccessKeyId", key.accessKeyId());
        members.put("Description", key.description());
        members.put("Status", key.status());
        members.put("CreatedAt", time(key.createdAt()));
        members.put("CreatedBy", key.createdBy());
        members.put("RevokedAt", time(key.revokedAt()));
        members.values().removeIf(Objects::isNull);
        return members;
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * Rows under a header, each column as wide as its widest cell. A control character in a cell is
     * shown as '?': cells hold what others chose (a client's name), which must not drive the terminal.
     */
    static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        rows.forEach(row -> all.add(row.stream().map(AdminPrinter::shown).toList()));
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private static String shown(String cell) {
        return cell.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
