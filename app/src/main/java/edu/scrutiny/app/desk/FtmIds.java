package edu.scrutiny.app.desk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The ids Scrutiny gives list entries in FollowTheMoney form (yente, reconciliation): stable,
 * since they are made only from the entry's list key and its id in the list, and URL-safe.
 *
 * <p>The id is {@code LIST.SOURCE}: each part keeps the letters {@code A-Z a-z}, digits, {@code _}
 * and {@code -} as they are and writes every other byte of its UTF-8 form as {@code ~} and two
 * upper-case hexadecimal digits; the two parts are joined by a dot, which an encoded part never
 * contains. So {@code us_bis_entity_list} / {@code el-huawei} is {@code us_bis_entity_list.el-huawei},
 * and {@code un_sc_sanctions} / {@code QDi.001} is {@code un_sc_sanctions.QDi~2E001}.
 */
final class FtmIds {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FtmIds() {
    }

    /** A list entry by its list key and its id in the list. */
    record Ref(String list, String sourceId) {
    }

    static String id(String list, String sourceId) {
        return encode(list) + '.' + encode(sourceId);
    }

    /** The list key and source id an id was made from, or empty for anything that is not such an id. */
    static Optional<Ref> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        int dot = id.indexOf('.');
        if (dot <= 0 || dot == id.length() - 1) {
            return Optional.empty();
        }
        Optional<String> list = decode(id.substring(0, dot));
        Optional<String> source = decode(id.substring(dot + 1));
        return list.isPresent() && source.isPresent() ? Optional.of(new Ref(list.get(), source.get())) : Optional.empty();
    }

    private static boolean kept(int b) {
        return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '_' || b == '-';
    }

    static String encode(String part) {
        StringBuilder sb = new StringBuilder(part.length() + 8);
        for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
            int u = b & 0xFF;
            if (kept(u)) {
                sb.append((char) u);
            } else {
                sb.append('~').append(HEX[u >> 4]).append(HEX[u & 0xF]);
            }
        }
        return sb.toString();
    }

    private static Optional<String> decode(String part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '~' && i + 2 < part.length()) {
                int hi = Character.digit(part.charAt(i + 1), 16);
                int lo = Character.digit(part.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c < 128 && kept(c)) {
                out.write(c);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }
}
