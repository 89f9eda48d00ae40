package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListReader;
import edu.scrutiny.lists.ListSource;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.lists.internal.Countries;
import edu.scrutiny.lists.internal.Dates;
import edu.scrutiny.lists.internal.TextInput;
import edu.scrutiny.lists.internal.Xml;
import edu.scrutiny.lists.internal.XmlNode;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * OFAC's enhanced XML ({@code SDN_ENHANCED.XML}, {@code CONS_ENHANCED.XML}): root
 * {@code sanctionsData}; {@code publicationInfo}, then {@code referenceValues} (which give the
 * ISO code of every country the entities refer to by {@code refId}), then one {@code entity} per
 * listed party under {@code entities}.
 *
 * <p>The list is the one the publication was filtered to ({@code publicationInfo/filters}):
 * "SDN List" is {@code us_ofac_sdn}, any other (the "Consolidated List" of the non-SDN lists)
 * {@code us_ofac_cons}. An unfiltered publication is named by its file, as OFAC names them:
 * {@code CONS_*} is the consolidated list, anything else the SDN list.
 *
 * <p>Each entity's primary name is the primary translation of its primary name; every other
 * translation (other scripts, such as Cyrillic or Chinese) is an alias, and the translations of
 * names marked {@code isLowQuality} are weak aliases. An entity is listed on the earliest date
 * any of its lists published it. "Owned or Controlled By" relationships name owners; other
 * relationships, and features that are neither dates of birth, countries nor identifying
 * numbers, are kept in the remarks.
 */
public final class OfacEnhancedXmlReader implements ListReader {
    static final String NAMESPACE = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML";
    private static final String ROOT = "sanctionsData";
    private static final String SDN_LIST = "SDN List";
    private static final Set<String> COUNTRY_FEATURES = Set.of(
            "Nationality Country", "Citizenship Country", "Nationality of Registration", "Vessel Flag");
    private static final String OWNED_BY = "Owned or Controlled By";

    @Override
    public ListFormat format() {
        return ListFormat.OFAC_ENHANCED_XML;
    }

    @Override
    public boolean recognises(ListSource source) throws IOException {
        if (source.files().size() != 1) {
            return false;
        }
        ListFile file = source.single();
        return ROOT.equals(Ofac.rootElement(file)) && TextInput.headText(file, 4096).contains("\"" + NAMESPACE + "\"");
    }

    @Override
    public ReadSummary read(ListSource source, Consumer<ListEntry> sink) throws IOException {
        ListFile file = source.single();
        Document doc = new Document(file);
        try (InputStream in = file.open()) {
            XMLStreamReader r = Xml.open(file, in);
            try {
                requireRoot(file, r);
                while (true) {
                    int event = r.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        switch (r.getLocalName()) {
                            case "publicationInfo" -> doc.listKey = listKey(XmlNode.read(r), file);
                            case "referenceValues" -> forEachChild(file, r, doc::reference);
                            case "entities" -> forEachChild(file, r, e -> sink.accept(doc.entry(e)));
                            default -> XmlNode.read(r);
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        break;
                    } else if (event == XMLStreamConstants.END_DOCUMENT) {
                        throw truncated(file, r);
                    }
                }
                while (r.hasNext()) {
                    r.next();
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw Xml.error(file, e);
        }
        return new ReadSummary(doc.listKey(), doc.entries);
    }

    private static void requireRoot(ListFile file, XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext() && r.getEventType() != XMLStreamConstants.START_ELEMENT) {
            r.next();
        }
        if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new ListFormatException(file.location(), "no root element; expected <sanctionsData> of " + NAMESPACE);
        }
        if (!ROOT.equals(r.getLocalName()) || !NAMESPACE.equals(r.getNamespaceURI())) {
            throw new ListFormatException(Xml.where(file, r), "root element <" + r.getLocalName() + "> of namespace "
                    + r.getNamespaceURI() + "; expected <sanctionsData> of " + NAMESPACE);
        }
    }

    /** Reads each child of the current element, one at a time, leaving the reader on the element's end. */
    private static void forEachChild(ListFile file, XMLStreamReader r, Consumer<XmlNode> handler) throws XMLStreamException {
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                handler.accept(XmlNode.read(r));
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw truncated(file, r);
            }
        }
    }

    private static ListFormatException truncated(ListFile file, XMLStreamReader r) {
        return new ListFormatException(Xml.where(file, r), "the document ends before </sanctionsData>; is it truncated?");
    }

    private static String listKey(XmlNode publicationInfo, ListFile file) {
        List<XmlNode> lists = publicationInfo.path("filters", "sanctionsLists", "sanctionsList");
        if (lists.isEmpty()) {
            return byFileName(file);
        }
        return lists.stream().anyMatch(l -> l.text().equals(SDN_LIST)) ? Ofac.SDN : Ofac.CONSOLIDATED;
    }

    private static String byFileName(ListFile file) {
        return file.name().toLowerCase(Locale.ROOT).startsWith("cons") ? Ofac.CONSOLIDATED : Ofac.SDN;
    }

    /** What one document has told so far: its list, its countries' codes, and how many entries it gave. */
    private static final class Document {
        private final ListFile file;
        private final Map<String, String> countryCodes = new HashMap<>();
        private String listKey;
        private long entries;

        Document(ListFile file) {
            this.file = file;
        }

        String listKey() {
            return listKey == null ? byFileName(file) : listKey;
        }

        void reference(XmlNode value) {
            if ("COUNTRY".equals(value.childText("type")) && value.attr("refId") != null && value.childText("isoCode") != null) {
                countryCodes.put(value.attr("refId"), value.childText("isoCode"));
            }
        }

        /** A country given as an element with a {@code refId}, or as a feature with a {@code valueRefId}. */
        String country(String refId, String name) {
            String code = refId == null ? null : countryCodes.get(refId);
            return Countries.isCode(code) ? code : Countries.code(name);
        }

        ListEntry entry(XmlNode e) {
            String where = file.location() + " line " + e.line();
            if (!e.name().equals("entity")) {
                throw new ListFormatException(where, "<" + e.name() + "> inside <entities>; expected only <entity> elements");
            }
            String id = e.attr("id");
            if (id == null || id.isBlank()) {
                throw new ListFormatException(where, "<entity> without an id attribute; every entity has its number");
            }
            String type = e.path("generalInfo", "entityType").stream().findFirst().map(XmlNode::text).orElse(null);
            Schema schema = Ofac.schema(type);
            if (schema == null) {
                throw new ListFormatException(where, "entity " + id + " has entityType \"" + type
                        + "\"; expected Individual, Entity, Vessel or Aircraft");
            }
            ListEntry.Builder b = ListEntry.builder(listKey(), id).schema(schema).category(ListCategory.SANCTIONS)
                    .sourceUrl(Ofac.sourceUrl(id));
            names(e, b);
            if (!b.hasName()) {
                throw new ListFormatException(where, "entity " + id + " has no primary name (a <name> with "
                        + "<isPrimary>true</isPrimary> and a formattedFullName)");
            }
            e.path("generalInfo", "remarks").forEach(r -> b.remarks(r.text()));
            e.path("sanctionsPrograms", "sanctionsProgram").forEach(p -> b.program(p.text()));
            b.listedOn(firstPublished(e));
            for (XmlNode a : e.path("addresses", "address")) {
                address(a, b);
            }
            StringJoiner notes = new StringJoiner("; ");
            for (XmlNode f : e.path("features", "feature")) {
                feature(f, b, notes);
            }
            for (XmlNode d : e.path("identityDocuments", "identityDocument")) {
                XmlNode issuer = d.child("issuingCountry").orElse(null);
                b.identifier(d.childText("type"), d.childText("documentNumber"),
                        issuer == null ? null : country(issuer.attr("refId"), issuer.text()));
            }
            for (XmlNode rel : e.path("relationships", "relationship")) {
                String relType = rel.childText("type");
                String related = rel.childText("relatedEntity");
                if (OWNED_BY.equals(relType)) {
                    b.owner(related, null);
                } else if (related != null) {
                    notes.add((relType == null ? "Related to" : relType) + ": " + related);
                }
            }
            b.remarks(notes.toString());
            entries++;
            return b.build();
        }

        private static void names(XmlNode e, ListEntry.Builder b) {
            for (XmlNode n : e.path("names", "name")) {
                boolean primaryName = "true".equals(n.childText("isPrimary"));
                boolean weak = "true".equals(n.childText("isLowQuality"));
                for (XmlNode t : n.path("translations", "translation")) {
                    String full = t.childText("formattedFullName");
                    if (primaryName && !b.hasName() && "true".equals(t.childText("isPrimary"))) {
                        b.name(full);
                    } else {
                        b.alias(full, weak && !primaryName);
                    }
                }
            }
        }

        private static LocalDate firstPublished(XmlNode e) {
            LocalDate first = null;
            for (XmlNode l : e.path("sanctionsLists", "sanctionsList")) {
                LocalDate d = Dates.parse(l.attr("datePublished"));
                if (d != null && (first == null || d.isBefore(first))) {
                    first = d;
                }
            }
            return first;
        }

        /** The address's country, and each translation as one line when it says more than the country. */
        private void address(XmlNode a, ListEntry.Builder b) {
            XmlNode countryNode = a.child("country").orElse(null);
            String countryName = countryNode == null ? null : countryNode.text();
            String country = countryNode == null ? null : country(countryNode.attr("refId"), countryName);
            b.country(country);
            for (XmlNode t : a.path("translations", "translation")) {
                StringJoiner line = new StringJoiner(", ");
                t.path("addressParts", "addressPart").forEach(p -> {
                    if (p.childText("value") != null) {
                        line.add(p.childText("value"));
                    }
                });
                if (line.length() == 0 && (country != null || countryName == null)) {
                    continue;
                }
                if (countryName != null) {
                    line.add(countryName);
                }
                b.address(line.toString());
            }
        }

        private void feature(XmlNode f, ListEntry.Builder b, StringJoiner notes) {
            String type = f.childText("type");
            String value = f.childText("value");
            if (type == null) {
                return;
            }
            if (type.equals("Birthdate")) {
                List<String> dates = Ofac.birthDates(value);
                if (dates.isEmpty()) {
                    dates = f.child("valueDate").map(d -> Ofac.yearRange(Dates.partial(d.childText("fromDateBegin")),
                            Dates.partial(d.childText("toDateEnd")))).orElse(List.of());
                }
                dates.forEach(b::birthDate);
            } else if (COUNTRY_FEATURES.contains(type)) {
                String code = country(f.childText("valueRefId"), value);
                b.country(code);
                if (code == null && value != null) {
                    notes.add(note(type, value));
                }
            } else if (Ofac.IDENTIFIER_TYPES.contains(type)) {
                b.identifier(type, value, null);
            } else if (value != null) {
                notes.add(note(type, value));
            }
        }

        /** "Website: www.vtb.com", but "Secondary sanctions risk: ..." where OFAC's label has its own colon or dash. */
        private static String note(String type, String value) {
            return type.endsWith(":") || type.endsWith("-") ? type + " " + value : type + ": " + value;
        }
    }
}
