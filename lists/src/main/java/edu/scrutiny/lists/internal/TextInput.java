package edu.scrutiny.lists.internal;

import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.ListFormatException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnmappableCharacterException;

/**
 * Text from list files, decoded strictly: a byte sequence that is not valid in the expected
 * encoding is an error naming the file and the encoding, never a silent replacement character
 * that would make a name unmatchable.
 */
public final class TextInput {
    private TextInput() {
    }

    /** A reader over the file in the given charset; a UTF-8 byte-order mark is skipped. */
    public static Reader open(ListFile file, Charset charset) throws IOException {
        InputStream in = new BufferedInputStream(file.open(), 1 << 16);
        if (charset.equals(StandardCharsets.UTF_8)) {
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
                in.reset();
            }
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new StrictReader(in, decoder);
    }

    /**
     * Decodes like an InputStreamReader, but reports a bad byte only once every character before
     * it has been read. InputStreamReader decodes kilobytes ahead and fails at once, so a parser
     * would blame the bad byte on whatever line it was reading then; here the parser meets the
     * error on the line that holds it.
     */
    private static final class StrictReader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder;
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 13).flip();
        private CharacterCodingException pending;
        private boolean endOfInput;
        private boolean done;

        StrictReader(InputStream in, CharsetDecoder decoder) {
            this.in = in;
            this.decoder = decoder;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            CharBuffer out = CharBuffer.wrap(buffer, offset, length);
            while (out.position() == offset) {
                if (pending != null) {
                    throw pending;
                }
                if (done) {
                    return -1;
                }
                CoderResult result = decoder.decode(bytes, out, endOfInput);
                if (result.isError()) {
                    pending = result.isMalformed()
                            ? new MalformedInputException(result.length())
                            : new UnmappableCharacterException(result.length());
                } else if (result.isUnderflow()) {
                    if (endOfInput) {
                        decoder.flush(out);
                        done = true;
                    } else {
                        fill();
                    }
                }
            }
            return out.position() - offset;
        }

        private void fill() throws IOException {
            bytes.compact();
            int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * Translates a decoding failure into a message naming where and what.
     *
     * @param where the file, with a line when known
     */
    public static ListFormatException encodingError(String where, Charset charset, CharacterCodingException e) {
        return new ListFormatException(where, "bytes that are not valid " + charset.displayName()
                + " text; the file must be " + charset.displayName() + " (is it in another encoding, or not text?)", e);
    }

    /**
     * Translates a decoding failure of the file into a message naming the line of its first
     * undecodable bytes. Readers decode ahead in blocks, so where a parser stood when decoding
     * failed can be many lines before the bad bytes; the file is decoded again to find them.
     */
    public static ListFormatException encodingError(ListFile file, Charset charset, CharacterCodingException e)
            throws IOException {
        return encodingError(file.location() + " line " + lineOfFirstUndecodable(file, charset), charset, e);
    }

    private static long lineOfFirstUndecodable(ListFile file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] chunk = new byte[1 << 16];
        // room for the chunk and the few bytes of a sequence split between chunks
        ByteBuffer in = ByteBuffer.allocate(chunk.length + 16);
        CharBuffer out = CharBuffer.allocate(chunk.length + 16);
        long line = 1;
        try (InputStream stream = file.open()) {
            int n;
            while ((n = stream.read(chunk)) >= 0) {
                in.put(chunk, 0, n).flip();
                CoderResult result = decoder.decode(in, out, false);
                line += newlines(out);
                if (result.isError()) {
                    return line;
                }
                in.compact();
            }
            in.flip();
            decoder.decode(in, out, true);
            return line + newlines(out);
        }
    }

    /** Counts the newlines decoded into the buffer, and empties it. */
    private static long newlines(CharBuffer decoded) {
        decoded.flip();
        long count = 0;
        while (decoded.hasRemaining()) {
            if (decoded.get() == '\n') {
                count++;
            }
        }
        decoded.clear();
        return count;
    }

    /** Whether the first bytes hold a NUL or other binary control bytes, i.e. the file is not text at all. */
    public static boolean looksBinary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0) {
                return true;
            }
            if (c < 0x09 || (c > 0x0D && c < 0x20)) {
                control++;
            }
        }
        return head.length > 0 && control * 20 > head.length;
    }

    /** The first bytes as text (UTF-8, lenient), with a byte-order mark removed; for format detection only. */
    public static String headText(ListFile file, int max) throws IOException {
        byte[] head = file.head(max);
        String s = new String(head, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
