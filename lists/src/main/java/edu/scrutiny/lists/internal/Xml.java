package edu.scrutiny.lists.internal;

import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.ListFormatException;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;

/**
 * Safe, streaming XML for list files. DTDs are refused outright (a published list has none), so
 * there is no way in for external entities or entity-expansion bombs; external access is off as
 * a second guard.
 */
public final class Xml {
    private static final XMLInputFactory FACTORY = createFactory();

    private Xml() {
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        trySet(f, "javax.xml.stream.isSupportingExternalEntities", false);
        trySet(f, "http://javax.xml.XMLConstants/property/accessExternalDTD", "");
        trySet(f, "http://javax.xml.XMLConstants/property/accessExternalSchema", "");
        return f;
    }

    private static void trySet(XMLInputFactory f, String name, Object value) {
        try {
            f.setProperty(name, value);
        } catch (IllegalArgumentException ignored) {
            // not every StAX implementation knows every property; the DTD refusal below is what counts
        }
    }

    /** A guarded reader over the file. Close both the reader and the stream. */
    public static XMLStreamReader open(ListFile file, InputStream in) {
        try {
            return new Guarded(FACTORY.createXMLStreamReader(in), file);
        } catch (XMLStreamException e) {
            throw error(file, e);
        }
    }

    /** A message naming file, line and column for a parse failure. */
    public static ListFormatException error(ListFile file, XMLStreamException e) {
        Location loc = e.getLocation();
        String where = loc == null ? file.location()
                : file.location() + " line " + loc.getLineNumber() + " column " + loc.getColumnNumber();
        String msg = e.getMessage() == null ? "malformed XML" : e.getMessage();
        // StAX prefixes its own location text; keep only the explanation
        int idx = msg.indexOf("Message: ");
        if (idx >= 0) {
            msg = msg.substring(idx + "Message: ".length());
        }
        return new ListFormatException(where, "not well-formed XML (" + msg.strip()
                + "); is the file truncated or not XML?", e);
    }

    /** The location of the reader's current event, for messages. */
    public static String where(ListFile file, XMLStreamReader r) {
        Location loc = r.getLocation();
        return loc == null ? file.location() : file.location() + " line " + loc.getLineNumber();
    }

    /**
     * The root element's start tag as the first bytes of a file show it, for format detection:
     * the XML declaration, comments, processing instructions and any DOCTYPE are passed over (a
     * DOCTYPE is refused later, when the file is read). Never parses, so never throws on foreign
     * files.
     *
     * @return the root tag, or null when the first bytes hold none (not XML, or not XML we know)
     */
    public static RootTag rootTag(ListFile file) throws IOException {
        String s = TextInput.headText(file, 4096);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("<?", i)) {
                i = after(s, "?>", i);
            } else if (s.startsWith("<!--", i)) {
                i = after(s, "-->", i);
            } else if (s.startsWith("<!DOCTYPE", i)) {
                int bracket = s.indexOf('[', i);
                int close = s.indexOf('>', i);
                i = bracket >= 0 && bracket < close ? after(s, "]>", bracket) : after(s, ">", i);
            } else if (c == '<') {
                int end = s.indexOf('>', i);
                if (end < 0) {
                    return null;
                }
                String tag = s.substring(i, end + 1);
                int nameEnd = 1;
                while (nameEnd < tag.length() && !Character.isWhitespace(tag.charAt(nameEnd))
                        && tag.charAt(nameEnd) != '>' && tag.charAt(nameEnd) != '/') {
                    nameEnd++;
                }
                String qname = tag.substring(1, nameEnd);
                return qname.isEmpty() ? null : new RootTag(qname.substring(qname.indexOf(':') + 1), tag);
            } else {
                return null;
            }
        }
        return null;
    }

    private static int after(String s, String end, int from) {
        int at = s.indexOf(end, from);
        return at < 0 ? s.length() : at + end.length();
    }

    /**
     * A root element's start tag, read from a file's first bytes.
     *
     * @param localName the element name without prefix
     * @param text      the whole start tag, attributes included
     */
    public record RootTag(String localName, String text) {
        /** Whether the tag declares the namespace (as default or with a prefix). */
        public boolean declares(String namespaceUri) {
            return text.contains("\"" + namespaceUri + "\"") || text.contains("'" + namespaceUri + "'");
        }
    }

    /** Refuses any DTD the moment it is met. */
    private static final class Guarded extends javax.xml.stream.util.StreamReaderDelegate {
        private final ListFile file;

        Guarded(XMLStreamReader r, ListFile file) {
            super(r);
            this.file = file;
            if (r.getEventType() == XMLStreamConstants.DTD) {
                refuse(r);
            }
        }

        @Override
        public int next() throws XMLStreamException {
            int e = super.next();
            if (e == XMLStreamConstants.DTD || e == XMLStreamConstants.ENTITY_REFERENCE) {
                refuse(getParent());
            }
            return e;
        }

        private void refuse(XMLStreamReader r) {
            throw new ListFormatException(where(file, r), "document type declarations and entity references are refused "
                    + "(published lists have none; they are how XML external-entity and entity-expansion attacks work)");
        }
    }
}
