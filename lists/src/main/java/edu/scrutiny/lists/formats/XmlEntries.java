package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.internal.Xml;
import edu.scrutiny.lists.internal.XmlNode;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Streams the entry elements of an XML list one at a time, after checking that the root element
 * is the one the format has: a well-formed XML file of another kind is refused, not read as an
 * empty list. The whole document is parsed to its end, so a truncated file fails.
 */
final class XmlEntries {

    /** Receives each entry element, with its descendants. */
    @FunctionalInterface
    interface Handler {
        void entry(XmlNode node);
    }

    private XmlEntries() {
    }

    /**
     * Reads every entry element of the file.
     *
     * @param root       the root element's local name
     * @param namespace  the root element's namespace URI, or null where the format has none
     * @param what       the format, for messages, e.g. "UN Security Council consolidated list"
     * @param entryNames local names of the entry elements (wherever they sit under the root)
     * @return how many entries were handed over
     */
    static long read(ListFile file, String root, String namespace, String what, Set<String> entryNames,
                     Handler handler) throws IOException {
        try (InputStream in = file.open()) {
            XMLStreamReader r = Xml.open(file, in);
            long count = 0;
            boolean rootSeen = false;
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!rootSeen) {
                    checkRoot(file, r, root, namespace, what);
                    rootSeen = true;
                } else if (entryNames.contains(r.getLocalName())) {
                    handler.entry(XmlNode.read(r));
                    count++;
                }
            }
            // after a failure the reader is dropped unclosed: it holds nothing but the stream, closed here
            // either way, and the JDK parser closed after a decoding error prints that error to stderr again
            r.close();
            return count;
        } catch (XMLStreamException e) {
            throw Xml.error(file, e);
        }
    }

    private static void checkRoot(ListFile file, XMLStreamReader r, String root, String namespace, String what) {
        String ns = r.getNamespaceURI();
        boolean nameOk = r.getLocalName().equals(root);
        boolean nsOk = namespace == null || namespace.equals(ns);
        if (!nameOk || !nsOk) {
            String found = "<" + r.getLocalName() + ">" + (ns == null || ns.isEmpty() ? "" : " in namespace " + ns);
            String expected = "<" + root + ">" + (namespace == null ? "" : " in namespace " + namespace);
            throw new ListFormatException(Xml.where(file, r), "root element is " + found + "; expected " + expected
                    + " (is this file a " + what + "?)");
        }
    }

    /** Where an element is, for messages: file, line and element. */
    static String where(ListFile file, XmlNode node) {
        return file.location() + " line " + node.line() + " <" + node.name() + ">";
    }
}
