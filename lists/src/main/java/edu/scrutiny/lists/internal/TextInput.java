package edu.scrutiny.lists.internal;

import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.ListFormatException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
        return new InputStreamReader(in, decoder);
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
