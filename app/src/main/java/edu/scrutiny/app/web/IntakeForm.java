package edu.scrutiny.app.web;

import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.support.Documents;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The intake form's values, named as the engagement schema names its fields ({@code submitted_on},
 * {@code funding.amount}, {@code parties[0].country}), so that a problem the schema reports lands
 * beside its input. Work countries and research areas are typed as text separated by commas; a
 * party's owners and controllers are rows ({@code parties[0].owners[1].share},
 * {@code parties[0].owners[1].owners[0].name}, {@code parties[0].controllers[0].role}) that the page's
 * script adds and removes, renumbered from 0 when posted.
 */
public final class IntakeForm {
    private static final Pattern PARTY = Pattern.compile("parties\\[(\\d+)]\\..*");
    static final int MAX_PARTIES = 50;

    private final Map<String, String> values;
    private final List<String> researchAreas;
    private final int parties;

    private IntakeForm(Map<String, String> values, List<String> researchAreas, int parties) {
        this.values = values;
        this.researchAreas = List.copyOf(researchAreas);
        this.parties = Math.max(1, Math.min(MAX_PARTIES, parties));
    }

    /** A blank form with one party row. */
    static IntakeForm blank(String today) {
        Map<String, String> v = new HashMap<>();
        v.put("submitted_on", today);
        v.put("funding.currency", "USD");
        return new IntakeForm(v, List.of(), 1);
    }

    /**
     * A new engagement with one counterparty, from a screening at the desk ("Start an engagement"):
     * the party's name, whether a person, and its first country.
     */
    static IntakeForm counterparty(String today, String name, boolean person, String country, String purpose) {
        IntakeForm form = blank(today);
        form.values.put("parties[0].name", name);
        form.values.put("parties[0].kind", person ? "person" : "organization");
        put(form.values, "parties[0].country", CountryNames.INSTANCE.name(country));
        put(form.values, "description", purpose);
        return form;
    }

    /** The form as posted. */
    static IntakeForm posted(Map<String, List<String>> params) {
        Map<String, String> v = new HashMap<>();
        int parties = 1;
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            v.put(e.getKey(), e.getValue().getFirst());
            Matcher m = PARTY.matcher(e.getKey());
            if (m.matches() && m.group(1).length() < 3) {
                parties = Math.max(parties, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return new IntakeForm(compacted(v), params.getOrDefault("research_areas", List.of()), parties);
    }

    /** The fields of an owner row ({@code kind}, {@code share}...) and of a controller row. */
    private static final List<String> OWNER_FIELDS = List.of("name", "kind", "share", "country");
    private static final List<String> CONTROLLER_FIELDS = List.of("name", "kind", "role", "country");
    private static final Pattern ROW_FIELD = Pattern.compile("parties\\[\\d+]\\.(owners|controllers)\\[.*");

    /**
     * The values with owner and controller rows renumbered from 0 in the order posted, rows left
     * blank dropped: rows removed in the browser leave gaps, and the form shown again (with
     * problems named by the schema's indexes) must name its inputs as the JSON was built.
     */
    private static Map<String, String> compacted(Map<String, String> in) {
        Map<String, String> out = new HashMap<>();
        in.forEach((k, val) -> {
            if (!ROW_FIELD.matcher(k).matches()) {
                out.put(k, val);
            }
        });
        java.util.Set<String> parties = new java.util.TreeSet<>();
        in.keySet().stream().map(PARTY_PREFIX::matcher).filter(Matcher::lookingAt).forEach(m -> parties.add(m.group()));
        for (String party : parties) {
            compactRows(in, out, party, party);
        }
        return out;
    }

    private static final Pattern PARTY_PREFIX = Pattern.compile("parties\\[\\d+]");

    private static void compactRows(Map<String, String> in, Map<String, String> out, String from, String to) {
        for (String list : List.of("owners", "controllers")) {
            int k = 0;
            for (int j : indexes(in, from + "." + list)) {
                String f = from + "." + list + "[" + j + "]";
                if (blank(in, f)) {
                    continue;
                }
                String t = to + "." + list + "[" + k++ + "]";
                for (String field : list.equals("owners") ? OWNER_FIELDS : CONTROLLER_FIELDS) {
                    put(out, t + "." + field, in.get(f + "." + field));
                }
                if (list.equals("owners")) {
                    compactRows(in, out, f, t);
                }
            }
        }
    }

    /** The row indexes present under a list prefix, e.g. {@code parties[0].owners} gives [0, 2] for rows 0 and 2. */
    private static java.util.SortedSet<Integer> indexes(Map<String, String> values, String prefix) {
        java.util.SortedSet<Integer> out = new java.util.TreeSet<>();
        String start = prefix + "[";
        for (String k : values.keySet()) {
            if (k.startsWith(start)) {
                int end = k.indexOf(']', start.length());
                String digits = end < 0 ? "" : k.substring(start.length(), end);
                if (digits.matches("\\d{1,3}")) {
                    out.add(Integer.parseInt(digits));
                }
            }
        }
        return out;
    }

    /** Whether nothing is typed in a row (nor in any row nested in it); a kind or role chosen alone counts as nothing. */
    private static boolean blank(Map<String, String> values, String row) {
        return values.entrySet().stream().filter(e -> e.getKey().startsWith(row + "."))
                .filter(e -> !e.getKey().endsWith(".kind") && !e.getKey().endsWith(".role"))
                .allMatch(e -> e.getValue() == null || e.getValue().isBlank());
    }

    /** A renewal of a stored engagement: its content, with {@code renewal} set and {@code renews} naming it. */
    static IntakeForm renewalOf(String id, Engagement e, String today) {
        Map<String, String> v = new HashMap<>();
        put(v, "title", e.title());
        put(v, "description", e.description());
        put(v, "type", e.type().key());
        v.put("renewal", "true");
        v.put("renews", id);
        v.put("submitted_on", today);
        put(v, "department", e.department());
        put(v, "principal_investigator", e.principalInvestigator());
        if (e.funding() != null) {
            put(v, "funding.amount", e.funding().amount() == null ? null : e.funding().amount().toPlainString());
            put(v, "funding.currency", e.funding().currency());
            put(v, "funding.source", e.funding().source() == null ? null : e.funding().source().key());
        }
        for (int i = 0; i < e.parties().size(); i++) {
            Engagement.Party p = e.parties().get(i);
            String at = "parties[" + i + "].";
            put(v, at + "name", p.name());
            put(v, at + "kind", p.kind() == null ? null : p.kind().name().toLowerCase(java.util.Locale.ROOT));
            put(v, at + "country", CountryNames.INSTANCE.name(p.country()));
            put(v, at + "role", p.role() == null ? null : p.role().key());
            put(v, at + "organization_type", p.organizationType() == null ? null : p.organizationType().key());
            put(v, at + "ror", p.ror());
            rows(v, "parties[" + i + "]", p.owners(), p.controllers());
        }
        v.put("work_countries", String.join(", ", e.workCountries().stream().map(CountryNames.INSTANCE::name).toList()));
        return new IntakeForm(v, e.researchAreas(), e.parties().size());
    }

    private static void rows(Map<String, String> v, String at, List<Engagement.Owner> owners, List<Engagement.Controller> controllers) {
        for (int j = 0; j < owners.size(); j++) {
            Engagement.Owner o = owners.get(j);
            String row = at + ".owners[" + j + "].";
            put(v, row + "name", o.name());
            put(v, row + "kind", o.kind().name().toLowerCase(java.util.Locale.ROOT));
            put(v, row + "share", o.share() == null ? null : BigDecimal.valueOf(o.share()).stripTrailingZeros().toPlainString());
            put(v, row + "country", CountryNames.INSTANCE.name(o.country()));
            rows(v, at + ".owners[" + j + "]", o.owners(), o.controllers());
        }
        for (int k = 0; k < controllers.size(); k++) {
            Engagement.Controller c = controllers.get(k);
            String row = at + ".controllers[" + k + "].";
            put(v, row + "name", c.name());
            put(v, row + "kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
            put(v, row + "role", c.role() == null ? null : c.role().key());
            put(v, row + "country", CountryNames.INSTANCE.name(c.country()));
        }
    }

    /** The rows under a list prefix ({@code parties[0].owners}), each as its own prefix ({@code parties[0].owners[0]}). */
    public List<String> rows(String listPrefix) {
        return indexes(values, listPrefix).stream().map(j -> listPrefix + "[" + j + "]").toList();
    }

    private static final Pattern PARTY_ROWS = Pattern.compile("parties\\[\\d+]\\.(owners|controllers)");

    /** The rows a group shows: a party's own owners and controllers with a blank row to type in, an owner's owners as they are. */
    public List<String> rowsShown(String listPrefix) {
        return PARTY_ROWS.matcher(listPrefix).matches() ? rowsWithBlank(listPrefix) : rows(listPrefix);
    }

    /** The rows, and a blank one after them: a row to type in without adding one (and without script). */
    public List<String> rowsWithBlank(String listPrefix) {
        java.util.SortedSet<Integer> present = indexes(values, listPrefix);
        List<String> out = new ArrayList<>(rows(listPrefix));
        out.add(listPrefix + "[" + (present.isEmpty() ? 0 : present.last() + 1) + "]");
        return out;
    }

    private static void put(Map<String, String> v, String key, String value) {
        if (value != null) {
            v.put(key, value);
        }
    }

    /** The value of an input ({@code ""} when none). */
    public String v(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean is(String name, String value) {
        return value.equals(values.get(name));
    }

    public boolean renewal() {
        String r = values.get("renewal");
        return "true".equals(r) || "on".equals(r);
    }

    public boolean area(String code) {
        return researchAreas.contains(code);
    }

    public List<Integer> partyIndexes() {
        return IntStream.range(0, parties).boxed().toList();
    }

    public int parties() {
        return parties;
    }

    /** The engagement JSON the form describes; blank inputs are left out, so the schema says they are required. */
    String toJson() {
        ObjectNode root = Documents.JSON.createObjectNode();
        text(root, "title", "title");
        text(root, "description", "description");
        text(root, "type", "type");
        root.put("renewal", renewal());
        text(root, "renews", "renews");
        text(root, "submitted_on", "submitted_on");
        text(root, "starts_on", "starts_on");
        text(root, "ends_on", "ends_on");
        text(root, "department", "department");
        text(root, "principal_investigator", "principal_investigator");
        ObjectNode funding = root.putObject("funding");
        String amount = v("funding.amount").strip().replace(",", "");
        if (!amount.isEmpty()) {
            try {
                funding.put("amount", new BigDecimal(amount));
            } catch (NumberFormatException e) {
                funding.put("amount", amount);
            }
        }
        text(funding, "currency", "funding.currency");
        text(funding, "source", "funding.source");
        ArrayNode parties = root.putArray("parties");
        for (int i = 0; i < this.parties; i++) {
            String at = "parties[" + i + "].";
            if (v(at + "name").isBlank() && v(at + "country").isBlank() && rows(at + "owners").isEmpty() && i > 0) {
                continue; // an added row left empty
            }
            ObjectNode p = parties.addObject();
            text(p, "name", at + "name");
            text(p, "kind", at + "kind");
            country(p, "country", at + "country");
            text(p, "role", at + "role");
            text(p, "organization_type", at + "organization_type");
            text(p, "ror", at + "ror");
            ownersAndControllers(p, "parties[" + i + "]");
        }
        root.set("work_countries", split(v("work_countries"), root));
        ArrayNode areas = root.putArray("research_areas");
        researchAreas.stream().filter(s -> !s.isBlank()).forEach(areas::add);
        return Documents.toJson(root);
    }

    /** The owner and controller rows under a node (a party or an owner row) as the schema's arrays. */
    private void ownersAndControllers(ObjectNode node, String at) {
        List<String> owners = rows(at + ".owners");
        if (!owners.isEmpty()) {
            ArrayNode list = node.putArray("owners");
            for (String row : owners) {
                ObjectNode o = list.addObject();
                text(o, "name", row + ".name");
                text(o, "kind", row + ".kind");
                String share = v(row + ".share").strip().replace("%", "");
                if (!share.isEmpty()) {
                    try {
                        o.put("share", Double.parseDouble(share));
                    } catch (NumberFormatException e) {
                        o.put("share", share); // the schema says what is wrong with it
                    }
                }
                country(o, "country", row + ".country");
                ownersAndControllers(o, row);
            }
        }
        List<String> controllers = rows(at + ".controllers");
        if (!controllers.isEmpty()) {
            ArrayNode list = node.putArray("controllers");
            for (String row : controllers) {
                ObjectNode c = list.addObject();
                text(c, "name", row + ".name");
                text(c, "kind", row + ".kind");
                text(c, "role", row + ".role");
                country(c, "country", row + ".country");
            }
        }
    }

    /** The work countries as typed (see {@link CountryNames#codes}). */
    private static ArrayNode split(String text, ObjectNode root) {
        ArrayNode out = root.arrayNode();
        CountryNames.INSTANCE.codes(text).forEach(out::add);
        return out;
    }

    /** A country field: the code of the name or code typed (the API takes codes). */
    private void country(ObjectNode node, String field, String input) {
        String value = v(input).strip();
        if (!value.isEmpty()) {
            node.put(field, CountryNames.INSTANCE.code(value));
        }
    }

    private void text(ObjectNode node, String field, String input) {
        String value = v(input).strip();
        if (!value.isEmpty()) {
            node.put(field, value);
        }
    }
}
