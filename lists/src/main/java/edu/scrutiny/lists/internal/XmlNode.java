package edu.scrutiny.lists.internal;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small element tree for one list entry, read from a streaming parser. Readers stream the
 * document and build one of these per entry, so memory is bounded by the largest entry. Names are
 * local names (namespaces dropped): list publishers use one namespace per document.
 */
public final class XmlNode {
    private final String name;
    private final Map<String, String> attributes;
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final int line;

    private XmlNode(String name, Map<String, String> attributes, int line) {
        this.name = name;
        this.attributes = attributes;
        this.line = line;
    }

    /**
     * Reads the element the reader is positioned on (a START_ELEMENT), with all its descendants,
     * leaving the reader on its END_ELEMENT.
     */
    public static XmlNode read(XMLStreamReader r) throws XMLStreamException {
        if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new IllegalStateException("reader is not on a start element");
        }
        XmlNode root = start(r);
        List<XmlNode> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            int e = r.next();
            XmlNode top = stack.get(stack.size() - 1);
            switch (e) {
                case XMLStreamConstants.START_ELEMENT -> {
                    XmlNode child = start(r);
                    top.children.add(child);
                    stack.add(child);
                }
                case XMLStreamConstants.END_ELEMENT -> stack.remove(stack.size() - 1);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        top.text.append(r.getText());
                case XMLStreamConstants.END_DOCUMENT ->
                        throw new XMLStreamException("the document ends inside <" + top.name + ">", r.getLocation());
                default -> {
                    // comments and processing instructions carry nothing for us
                }
            }
        }
        return root;
    }

    private static XmlNode start(XMLStreamReader r) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        int line = r.getLocation() == null ? -1 : r.getLocation().getLineNumber();
        return new XmlNode(r.getLocalName(), attrs, line);
    }

    public String name() {
        return name;
    }

    /** The line the element starts on, or -1. */
    public int line() {
        return line;
    }

    /** The element's own text, trimmed; empty when it has none. */
    public String text() {
        return text.toString().strip();
    }

    /** The attribute's value, or null. */
    public String attr(String name) {
        return attributes.get(name);
    }

    public List<XmlNode> children() {
        return children;
    }

    /** Direct children of that local name. */
    public List<XmlNode> children(String name) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The first direct child of that local name. */
    public Optional<XmlNode> child(String name) {
        for (XmlNode c : children) {
            if (c.name.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The trimmed text of the first child of that name, or null when absent or empty. */
    public String childText(String name) {
        return child(name).map(XmlNode::text).filter(s -> !s.isEmpty()).orElse(null);
    }

    /** Follows a path of child names, e.g. {@code path("nameAlias", "wholeName")}; every match at each step. */
    public List<XmlNode> path(String... names) {
        List<XmlNode> current = List.of(this);
        for (String n : names) {
            List<XmlNode> next = new ArrayList<>();
            for (XmlNode c : current) {
                next.addAll(c.children(n));
            }
            current = next;
        }
        return current;
    }

    /** Every descendant (depth-first) of that local name. */
    public List<XmlNode> descendants(String name) {
        List<XmlNode> out = new ArrayList<>();
        collect(name, out);
        return out;
    }

    private void collect(String n, List<XmlNode> out) {
        for (XmlNode c : children) {
            if (c.name.equals(n)) {
                out.add(c);
            }
            c.collect(n, out);
        }
    }

    @Override
    public String toString() {
        return "<" + name + ">";
    }
}
