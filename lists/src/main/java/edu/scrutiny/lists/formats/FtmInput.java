package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.internal.TextInput;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reading OpenSanctions JSON files: JSON lines (one entity object per line) or one top-level
 * array of entity objects, streamed one entity at a time.
 *
 * <p>Text is decoded line by line from the bytes, strictly as UTF-8, so that an invalid byte is
 * reported on its own line: a decoding reader reads ahead by kilobytes and would blame an earlier
 * line.
 */
final class FtmInput {
    /** Shared, thread-safe; a line holding anything after its object is an error, not ignored. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Longer lines are refused rather than buffered: no real entity comes near this. */
    private static final int MAX_LINE_BYTES = 64 << 20;
    private static final int HEAD_BYTES = 64 << 10;

    private FtmInput() {
    }

    /** Receives each entity object with its location, e.g. {@code entities.ftm.json line 12}. */
    @FunctionalInterface
    interface EntityHandler {
        void handle(JsonNode entity, String where) throws IOException;
    }

    /** How a file's first entity is laid out, judged from its first bytes. */
    enum Shape {
        /** Not FollowTheMoney JSON. */
        NONE,
        /** JSON lines of flat entities (related entities referenced by id). */
        LINES,
        /** JSON lines whose first entity holds related entities nested inside its properties. */
        NESTED_LINES,
        /** One JSON array of entities. */
        ARRAY
    }

    /**
     * The layout of the file, from its first 64 KB: the first JSON value must be an object with
     * {@code id}, {@code schema} and {@code properties} (or an array starting with one). A first
     * object cut off by the 64 KB limit is judged on the fields seen before the cut, so that a
     * truncated list is still recognised and then reported where it breaks.
     */
    static Shape probe(ListFile file) throws IOException {
        String head = TextInput.headText(file, HEAD_BYTES).stripLeading();
        if (head.isEmpty() || (head.charAt(0) != '{' && head.charAt(0) != '[')) {
            return Shape.NONE;
        }
        boolean array = head.charAt(0) == '[';
        Set<String> fields = new HashSet<>();
        boolean nested = false;
        boolean multiLine = false;
        // depth counts the open containers; the first entity's own fields are at entityDepth
        int entityDepth = array ? 2 : 1;
        int depth = 0;
        int propertiesDepth = -1;
        try (JsonParser p = JSON.createParser(head)) {
            JsonToken t;
            String field = null;
            while ((t = p.nextToken()) != null) {
                if (depth > 0 && p.currentTokenLocation().getLineNr() > 1) {
                    multiLine = true;
                }
                switch (t) {
                    case PROPERTY_NAME -> field = depth == entityDepth ? p.currentName() : field;
                    case START_OBJECT, START_ARRAY -> {
                        if (array && depth == 0 && t != JsonToken.START_ARRAY
                                || array && depth == 1 && t != JsonToken.START_OBJECT) {
                            return Shape.NONE;
                        }
                        if (depth == entityDepth && "properties".equals(field) && t == JsonToken.START_OBJECT) {
                            fields.add("properties");
                            propertiesDepth = depth + 1;
                        } else if (propertiesDepth > 0 && depth > propertiesDepth && t == JsonToken.START_OBJECT) {
                            nested = true;
                        }
                        depth++;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        if (depth < propertiesDepth) {
                            propertiesDepth = -1;
                        }
                        if (depth < entityDepth) {
                            return shape(fields, array, nested, multiLine);
                        }
                    }
                    case VALUE_STRING -> {
                        if (depth == entityDepth && ("id".equals(field) || "schema".equals(field))) {
                            fields.add(field);
                        }
                    }
                    default -> {
                        // other values say nothing about the format
                    }
                }
            }
        } catch (JacksonException e) {
            // the head ends inside the first entity (or the file is broken there): judge what was seen
        }
        return shape(fields, array, nested, multiLine);
    }

    private static Shape shape(Set<String> fields, boolean array, boolean nested, boolean multiLine) {
        if (!fields.containsAll(Set.of("id", "schema", "properties"))) {
            return Shape.NONE;
        }
        if (array) {
            return Shape.ARRAY;
        }
        // JSON lines keep each entity on one line; a pretty-printed object is some other JSON
        if (multiLine) {
            return Shape.NONE;
        }
        return nested ? Shape.NESTED_LINES : Shape.LINES;
    }

    /** Whether the file name marks an OpenSanctions nested export ({@code targets.nested.json}). */
    static boolean nestedName(ListFile file) {
        return file.name().toLowerCase(Locale.ROOT).endsWith(".nested.json");
    }

    /** Whether the first non-blank byte of the file opens a JSON array. */
    static boolean startsWithArray(ListFile file) throws IOException {
        return TextInput.headText(file, HEAD_BYTES).stripLeading().startsWith("[");
    }

    /**
     * Reads a JSON-lines file: every non-blank line must be one complete JSON object.
     *
     * @throws ListFormatException naming the line, for invalid UTF-8, invalid or truncated JSON,
     *                             or a line holding something other than an object
     */
    static void forEachLine(ListFile file, EntityHandler handler) throws IOException {
        try (Lines lines = new Lines(file)) {
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String where = file.location() + " line " + lines.number();
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JacksonException e) {
                    throw cutShort(e, line.length())
                            ? new ListFormatException(where, "JSON cut short: the line ends inside its object "
                                    + "(is the file truncated?)", e)
                            : syntaxError(where, e);
                }
                if (!node.isObject()) {
                    throw new ListFormatException(where, "expected a JSON object (one FollowTheMoney entity per line), "
                            + "found " + describe(node));
                }
                handler.handle(node, where);
            }
        }
    }

    /**
     * Reads a file holding one JSON array of entity objects, one element at a time.
     *
     * @throws ListFormatException naming the line, for invalid UTF-8, invalid or truncated JSON,
     *                             an element that is not an object, or anything after the array
     */
    static void forEachElement(ListFile file, EntityHandler handler) throws IOException {
        try (Lines lines = new Lines(file)) {
            LineReader text = lines.reader();
            String element = null;
            try (JsonParser p = JSON.createParser(text)) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new ListFormatException(file.location() + " line " + p.currentTokenLocation().getLineNr(),
                            "expected a JSON array of FollowTheMoney entities");
                }
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    String where = file.location() + " line " + p.currentTokenLocation().getLineNr();
                    if (t != JsonToken.START_OBJECT) {
                        throw new ListFormatException(where, "expected an entity object in the array, found "
                                + (t == JsonToken.START_ARRAY ? "an array" : "'" + p.getString() + "'"));
                    }
                    element = where;
                    JsonNode node = p.readValueAsTree();
                    element = null;
                    handler.handle(node, where);
                }
                if (p.nextToken() != null) {
                    throw new ListFormatException(file.location() + " line " + p.currentTokenLocation().getLineNr(),
                            "unexpected content after the end of the array; expected one JSON array of entities");
                }
            } catch (JacksonException e) {
                if (cutShort(e, text.ended() ? text.delivered() : Long.MAX_VALUE)) {
                    throw new ListFormatException(element != null ? element : file.location() + " line " + lines.number(),
                            "JSON cut short: the file ends inside " + (element != null ? "the entity that begins here"
                                    : "the array of entities") + " (is it truncated?)", e);
                }
                throw syntaxError(file.location() + " line " + lineOf(e, lines), e);
            }
        }
    }

    /** Whether the parser failed for want of more input: the JSON was cut short. */
    private static boolean cutShort(JacksonException e, long inputLength) {
        return e instanceof UnexpectedEndOfInputException
                || e.getLocation() != null && e.getLocation().getCharOffset() >= inputLength;
    }

    private static long lineOf(JacksonException e, Lines lines) {
        return e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr() : lines.number();
    }

    private static ListFormatException syntaxError(String where, JacksonException e) {
        return new ListFormatException(where, "not valid JSON (" + e.getOriginalMessage()
                + "); expected FollowTheMoney entities as JSON objects", e);
    }

    private static String describe(JsonNode node) {
        return node.isArray() ? "an array" : node.isString() ? "a string" : node.isNumber() ? "a number" : "'" + node + "'";
    }

    /**
     * Lines of a UTF-8 file, decoded strictly one at a time so that a decoding error names its
     * own line. A byte-order mark is skipped; a carriage return before the line feed is dropped.
     */
    private static final class Lines implements Closeable {
        private final ListFile file;
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final byte[] chunk = new byte[1 << 16];
        private int chunkPos;
        private int chunkEnd;
        private byte[] line = new byte[1 << 12];
        private long number;

        Lines(ListFile file) throws IOException {
            this.file = file;
            this.in = file.open();
        }

        /** The number of the line last returned, from 1. */
        long number() {
            return number;
        }

        /** The next line without its terminator, or null at the end of the file. */
        String next() throws IOException {
            int length = 0;
            boolean any = false;
            while (true) {
                if (chunkPos == chunkEnd) {
                    chunkEnd = in.read(chunk);
                    chunkPos = 0;
                    if (chunkEnd <= 0) {
                        chunkEnd = 0;
                        if (!any) {
                            return null;
                        }
                        break;
                    }
                }
                any = true;
                int newline = indexOfNewline();
                int end = newline < 0 ? chunkEnd : newline;
                length = append(length, end - chunkPos);
                chunkPos = newline < 0 ? chunkEnd : newline + 1;
                if (newline >= 0) {
                    break;
                }
            }
            number++;
            int start = number == 1 && length >= 3
                    && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF ? 3 : 0;
            if (length > start && line[length - 1] == '\r') {
                length--;
            }
            try {
                return decoder.decode(ByteBuffer.wrap(line, start, length - start)).toString();
            } catch (CharacterCodingException e) {
                throw TextInput.encodingError(file.location() + " line " + number, StandardCharsets.UTF_8, e);
            }
        }

        private int indexOfNewline() {
            for (int i = chunkPos; i < chunkEnd; i++) {
                if (chunk[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private int append(int length, int count) {
            if (length + count > MAX_LINE_BYTES) {
                throw new ListFormatException(file.location() + " line " + (number + 1), "line longer than "
                        + (MAX_LINE_BYTES >> 20) + " MB; expected one entity per line (is this JSON lines?)");
            }
            if (length + count > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
            }
            System.arraycopy(chunk, chunkPos, line, length, count);
            return length + count;
        }

        /** The lines as one character stream, for a streaming parser whose line numbers then match. */
        LineReader reader() {
            return new LineReader(this);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** The lines of a {@link Lines} as characters, each followed by a line feed. */
    private static final class LineReader extends Reader {
        private final Lines lines;
        private String current = "";
        private int pos;
        private long delivered;
        private boolean ended;

        LineReader(Lines lines) {
            this.lines = lines;
        }

        /** Whether the end of the file has been reached. */
        boolean ended() {
            return ended;
        }

        /** How many characters have been handed out. */
        long delivered() {
            return delivered;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (pos == current.length()) {
                String l = lines.next();
                if (l == null) {
                    ended = true;
                    return -1;
                }
                current = l + "\n";
                pos = 0;
            }
            int n = Math.min(length, current.length() - pos);
            current.getChars(pos, pos + n, buffer, offset);
            pos += n;
            delivered += n;
            return n;
        }

        @Override
        public void close() {
            // the Lines it reads from closes the stream
        }
    }
}
