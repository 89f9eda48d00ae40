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
import edu.scrutiny.lists.internal.TextInput;
import edu.scrutiny.lists.internal.Xml;
import edu.scrutiny.lists.internal.XmlNode;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * OFAC's classic XML: {@code sdn.xml} and {@code consolidated.xml}, root {@code sdnList}, one
 * {@code sdnEntry} per listed party. The namespace was {@code http://tempuri.org/sdnList.xsd}
 * until OFAC's Sanctions List Service took over publication in 2024, and is
 * {@code https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML} since;
 * the layout is the same, and both are read.
 *
 * <p>Both files share one layout and nothing inside says which list a file is, so the file name
 * decides: a name starting with "cons" ({@code consolidated.xml}, {@code cons_*.xml}) is the
 * non-SDN consolidated list ({@code us_ofac_cons}), any other the SDN list ({@code us_ofac_sdn}).
 * Names are composed as OFAC prints them, "LAST, First"; an a.k.a. of category {@code weak} is a
 * weak alias.
 */
public final class OfacXmlReader implements ListReader {
    static final String NAMESPACE = "http://tempuri.org/sdnList.xsd";
    static final String SLS_NAMESPACE = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML";
    private static final Set<String> NAMESPACES = Set.of(NAMESPACE, SLS_NAMESPACE);
    private static final String ROOT = "sdnList";

    @Override
    public ListFormat format() {
        return ListFormat.OFAC_XML;
    }

    @Override
    public boolean recognises(ListSource source) throws IOException {
        if (source.files().size() != 1) {
            return false;
        }
        ListFile file = source.single();
        if (!ROOT.equals(Ofac.rootElement(file))) {
            return false;
        }
        String head = TextInput.headText(file, 4096);
        return NAMESPACES.stream().anyMatch(ns -> head.contains("\"" + ns + "\""));
    }

    @Override
    public ReadSummary read(ListSource source, Consumer<ListEntry> sink) throws IOException {
        ListFile file = source.single();
        String listKey = file.name().toLowerCase(Locale.ROOT).startsWith("cons") ? Ofac.CONSOLIDATED : Ofac.SDN;
        long count = 0;
        try (InputStream in = file.open()) {
            XMLStreamReader r = Xml.open(file, in);
            try {
                requireRoot(file, r);
                while (true) {
                    int event = r.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        boolean isEntry = r.getLocalName().equals("sdnEntry");
                        XmlNode node = XmlNode.read(r);
                        if (isEntry) {
                            sink.accept(entry(file, listKey, node));
                            count++;
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        break;
                    } else if (event == XMLStreamConstants.END_DOCUMENT) {
                        throw new ListFormatException(Xml.where(file, r), "the document ends before </sdnList>; is it truncated?");
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
        return new ReadSummary(listKey, count);
    }

    private static void requireRoot(ListFile file, XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext() && r.getEventType() != XMLStreamConstants.START_ELEMENT) {
            r.next();
        }
        if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new ListFormatException(file.location(), "no root element; expected <sdnList> of " + NAMESPACE
                    + " or " + SLS_NAMESPACE);
        }
        if (!ROOT.equals(r.getLocalName()) || !NAMESPACES.contains(r.getNamespaceURI())) {
            throw new ListFormatException(Xml.where(file, r), "root element <" + r.getLocalName() + "> of namespace "
                    + r.getNamespaceURI() + "; expected <sdnList> of " + NAMESPACE + " or " + SLS_NAMESPACE);
        }
    }

    private static ListEntry entry(ListFile file, String listKey, XmlNode e) {
        String where = file.location() + " line " + e.line();
        String uid = e.childText("uid");
        if (uid == null) {
            throw new ListFormatException(where, "<sdnEntry> without <uid>; every entry has its number");
        }
        String name = name(e);
        if (name == null) {
            throw new ListFormatException(where, "<sdnEntry> " + uid + " without <lastName>; every entry has a name");
        }
        Schema schema = Ofac.schema(e.childText("sdnType"));
        if (schema == null) {
            throw new ListFormatException(where, "<sdnType> \"" + e.childText("sdnType") + "\" of entry " + uid
                    + "; expected Individual, Entity, Vessel or Aircraft");
        }
        ListEntry.Builder b = ListEntry.builder(listKey, uid).schema(schema).category(ListCategory.SANCTIONS)
                .name(name).sourceUrl(Ofac.sourceUrl(uid));
        e.path("programList", "program").forEach(p -> b.program(p.text()));
        b.remarks(e.childText("remarks"));
        StringJoiner notes = new StringJoiner("; ");
        Ofac.addLabelled(notes, "Title", e.childText("title"));
        for (XmlNode aka : e.path("akaList", "aka")) {
            b.alias(name(aka), "weak".equalsIgnoreCase(aka.childText("category")));
        }
        for (XmlNode a : e.path("addressList", "address")) {
            address(a, b);
        }
        for (XmlNode id : e.path("idList", "id")) {
            identifier(id, b, notes);
        }
        e.path("nationalityList", "nationality").forEach(n -> b.country(Countries.code(n.childText("country"))));
        e.path("citizenshipList", "citizenship").forEach(c -> b.country(Countries.code(c.childText("country"))));
        for (XmlNode d : e.path("dateOfBirthList", "dateOfBirthItem")) {
            Ofac.birthDates(d.childText("dateOfBirth")).forEach(b::birthDate);
        }
        for (XmlNode p : e.path("placeOfBirthList", "placeOfBirthItem")) {
            Ofac.addLabelled(notes, "Place of birth", p.childText("placeOfBirth"));
        }
        e.child("vesselInfo").ifPresent(v -> {
            b.identifier("Call Sign", v.childText("callSign"), null);
            b.country(Countries.code(v.childText("vesselFlag")));
            b.owner(v.childText("vesselOwner"), null);
            String details = Ofac.vesselDetails(v.childText("vesselType"), v.childText("vesselFlag"),
                    v.childText("tonnage"), v.childText("grossRegisteredTonnage"));
            if (details != null) {
                notes.add(details);
            }
        });
        b.remarks(notes.toString());
        return b.build();
    }

    /** "LAST, First" as OFAC prints it, or the last name alone (entities, vessels). */
    private static String name(XmlNode n) {
        String last = n.childText("lastName");
        String first = n.childText("firstName");
        if (last == null) {
            return first;
        }
        return first == null ? last : last + ", " + first;
    }

    /** The address's country, and the address as one line when it says more than the country. */
    private static void address(XmlNode a, ListEntry.Builder b) {
        String countryName = a.childText("country");
        String country = Countries.code(countryName);
        b.country(country);
        StringJoiner line = new StringJoiner(", ");
        for (String part : new String[]{"address1", "address2", "address3", "city", "stateOrProvince", "postalCode"}) {
            if (a.childText(part) != null) {
                line.add(a.childText(part));
            }
        }
        if (line.length() == 0 && country != null) {
            return;
        }
        if (countryName != null) {
            line.add(countryName);
        }
        b.address(line.toString());
    }

    /** An identifying number, or, for the items OFAC also files under idList (Gender, Website...), a note. */
    private static void identifier(XmlNode id, ListEntry.Builder b, StringJoiner notes) {
        String type = id.childText("idType");
        String number = id.childText("idNumber");
        String countryName = id.childText("idCountry");
        if (number == null) {
            return;
        }
        if (type != null && !Ofac.IDENTIFIER_TYPES.contains(type)) {
            notes.add(type + " " + number + (countryName == null ? "" : " (" + countryName + ")"));
            return;
        }
        String country = Countries.code(countryName);
        if (countryName != null && country == null) {
            number = number + " (" + countryName + ")";
        }
        b.identifier(type, number, country);
    }
}
