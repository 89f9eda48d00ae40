package edu.scrutiny.app.directives;

import edu.scrutiny.app.support.Documents;
import edu.scrutiny.app.support.InvalidInput;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a directives file (YAML or JSON): a list of objects with {@code id}, {@code title},
 * {@code counterparties}, {@code include_subsidiaries}, {@code scope}, {@code effective_from},
 * {@code revisit_by}, {@code reason} and optionally {@code applies_to_existing}. Every problem is
 * reported with the entry and key, and nothing is imported unless every directive is valid.
 */
public final class DirectiveDocuments {
    private static final Set<String> KEYS = Set.of("id", "title", "counterparties", "include_subsidiaries", "scope",
            "effective_from", "revisit_by", "reason", "applies_to_existing");
    private static final Set<String> REQUIRED = Set.of("id", "title", "counterparties", "include_subsidiaries", "scope",
            "effective_from", "reason");

    private DirectiveDocuments() {
    }

    public static List<Directive> read(String text, String source) {
        JsonNode root = Documents.parseYaml(text, source);
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InvalidInput(source, "", "is empty: expected a list of directives");
        }
        if (!root.isArray()) {
            throw new InvalidInput(source, "", "expected a list of directives (each with id, title, counterparties, include_subsidiaries, scope, effective_from, revisit_by, reason)");
        }
        List<InvalidInput.Problem> problems = new ArrayList<>();
        List<Directive> directives = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            Directive d = directive(root.get(i), "[" + i + "]", problems);
            if (d != null && !ids.add(d.id())) {
                problems.add(new InvalidInput.Problem("[" + i + "].id", "'" + d.id() + "' is used by two directives"));
            }
            directives.add(d);
        }
        if (directives.isEmpty()) {
            problems.add(new InvalidInput.Problem("", "the list holds no directive"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(source, problems);
        }
        return directives;
    }

    private static Directive directive(JsonNode n, String at, List<InvalidInput.Problem> problems) {
        if (!n.isObject()) {
            problems.add(new InvalidInput.Problem(at, "expected an object"));
            return null;
        }
        int before = problems.size();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (!KEYS.contains(e.getKey())) {
                problems.add(new InvalidInput.Problem(at + "." + e.getKey(), "is not a directive key; the keys are "
                        + String.join(", ", KEYS.stream().sorted().toList())));
            }
        }
        for (String k : REQUIRED.stream().sorted().toList()) {
            if (!n.has(k) || n.get(k).isNull()) {
                problems.add(new InvalidInput.Problem(at + "." + k, "is required"));
            }
        }
        String id = text(n, "id", at, problems);
        if (id != null && !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            problems.add(new InvalidInput.Problem(at + ".id", "'" + id + "' must be letters, digits, '.', '_' or '-' (at most 100)"));
        }
        String title = text(n, "title", at, problems);
        String reason = text(n, "reason", at, problems);
        List<String> counterparties = new ArrayList<>();
        JsonNode cp = n.get("counterparties");
        if (cp != null && !cp.isNull()) {
            if (!cp.isArray() || cp.isEmpty()) {
                problems.add(new InvalidInput.Problem(at + ".counterparties", "expected a non-empty list of names"));
            } else {
                for (int j = 0; j < cp.size(); j++) {
                    if (!cp.get(j).isString() || cp.get(j).asString().isBlank()) {
                        problems.add(new InvalidInput.Problem(at + ".counterparties[" + j + "]", "expected a name"));
                    } else {
                        counterparties.add(cp.get(j).asString().trim());
                    }
                }
            }
        }
        boolean subsidiaries = bool(n, "include_subsidiaries", at, problems);
        boolean existing = bool(n, "applies_to_existing", at, problems);
        Set<Directive.Scope> scope = EnumSet.noneOf(Directive.Scope.class);
        JsonNode sc = n.get("scope");
        if (sc != null && !sc.isNull()) {
            List<JsonNode> values = new ArrayList<>();
            if (sc.isArray()) {
                sc.forEach(values::add);
            } else {
                values.add(sc);
            }
            if (values.isEmpty()) {
                problems.add(new InvalidInput.Problem(at + ".scope", "expected one or more of new, renewal, gift"));
            }
            for (JsonNode v : values) {
                String s = v.isString() ? v.asString().trim() : v.toString();
                switch (s) {
                    case "new" -> scope.add(Directive.Scope.NEW);
                    case "renewal" -> scope.add(Directive.Scope.RENEWAL);
                    case "gift" -> scope.add(Directive.Scope.GIFT);
                    default -> problems.add(new InvalidInput.Problem(at + ".scope", "'" + s + "' is not one of new, renewal, gift"));
                }
            }
        }
        LocalDate from = date(n, "effective_from", at, problems);
        LocalDate revisit = date(n, "revisit_by", at, problems);
        if (from != null && revisit != null && revisit.isBefore(from)) {
            problems.add(new InvalidInput.Problem(at + ".revisit_by", "is before effective_from"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Directive(id, title, counterparties, subsidiaries, scope, from, revisit, reason, existing);
    }

    private static String text(JsonNode n, String key, String at, List<InvalidInput.Problem> problems) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString() || v.asString().isBlank()) {
            problems.add(new InvalidInput.Problem(at + "." + key, "expected text"));
            return null;
        }
        return v.asString().trim();
    }

    private static boolean bool(JsonNode n, String key, String at, List<InvalidInput.Problem> problems) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        problems.add(new InvalidInput.Problem(at + "." + key, "expected true or false, found " + v));
        return false;
    }

    private static LocalDate date(JsonNode n, String key, String at, List<InvalidInput.Problem> problems) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.isString() ? v.asString().trim() : v.toString();
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInput.Problem(at + "." + key, "'" + s + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }
}
