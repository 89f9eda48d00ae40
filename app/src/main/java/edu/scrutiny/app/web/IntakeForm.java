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
 * beside its input. Lists are typed as text: work countries and research areas separated by commas,
 * a party's owners one per line as {@code name; share; country}.
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
        put(form.values, "parties[0].country", country);
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
        return new IntakeForm(v, params.getOrDefault("research_areas", List.of()), parties);
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
            put(v, at + "country", p.country());
            put(v, at + "role", p.role() == null ? null : p.role().key());
            put(v, at + "organization_type", p.organizationType() == null ? null : p.organizationType().key());
            put(v, at + "ror", p.ror());
            List<String> owners = new ArrayList<>();
            for (Engagement.Owner o : p.owners()) {
                owners.add(o.name() + "; " + (o.share() == null ? "" : BigDecimal.valueOf(o.share()).stripTrailingZeros().toPlainString())
                        + "; " + (o.country() == null ? "" : o.country()));
            }
            put(v, at + "owners", String.join("\n", owners));
        }
        v.put("work_countries", String.join(", ", e.workCountries()));
        return new IntakeForm(v, e.researchAreas(), e.parties().size());
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
            if (v(at + "name").isBlank() && v(at + "country").isBlank() && v(at + "owners").isBlank() && i > 0) {
                continue; // an added row left empty
            }
            ObjectNode p = parties.addObject();
            text(p, "name", at + "name");
            text(p, "kind", at + "kind");
            text(p, "country", at + "country");
            text(p, "role", at + "role");
            text(p, "organization_type", at + "organization_type");
            text(p, "ror", at + "ror");
            String owners = v(at + "owners");
            if (!owners.isBlank()) {
                ArrayNode list = p.putArray("owners");
                for (String line : owners.split("\\R")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] parts = line.split(";", -1);
                    ObjectNode o = list.addObject();
                    o.put("name", parts[0].strip());
                    if (parts.length > 1 && !parts[1].isBlank()) {
                        try {
                            o.put("share", Double.parseDouble(parts[1].strip().replace("%", "")));
                        } catch (NumberFormatException e) {
                            o.put("share", parts[1].strip());
                        }
                    }
                    if (parts.length > 2 && !parts[2].isBlank()) {
                        o.put("country", parts[2].strip());
                    }
                }
            }
        }
        root.set("work_countries", split(v("work_countries"), root));
        ArrayNode areas = root.putArray("research_areas");
        researchAreas.stream().filter(s -> !s.isBlank()).forEach(areas::add);
        return Documents.toJson(root);
    }

    private static ArrayNode split(String text, ObjectNode root) {
        ArrayNode out = root.arrayNode();
        for (String s : text.split("[,\\s]+")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private void text(ObjectNode node, String field, String input) {
        String value = v(input).strip();
        if (!value.isEmpty()) {
            node.put(field, value);
        }
    }
}
