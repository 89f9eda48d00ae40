package edu.scrutiny.app.assessment.internal;

import edu.scrutiny.app.directives.Directive;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.Candidate;
import edu.scrutiny.matching.ScreeningIndex;
import edu.scrutiny.matching.ScreeningQuery;
import edu.scrutiny.matching.Thresholds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the directive that names a party, with the same matcher as list screening: directive
 * counterparties are indexed like list entries, so "Huawei Technologies Co., Ltd." in a directive
 * meets "HUAWEI TECHNOLOGIES CO LTD" in an engagement.
 */
public final class DirectiveMatcher {
    private final ScreeningIndex index;
    private final Map<String, Directive> bySourceId = new HashMap<>();
    private final List<Directive> directives;

    public DirectiveMatcher(List<Directive> directives) {
        this.directives = List.copyOf(directives);
        List<ListEntry> entries = new ArrayList<>();
        for (Directive d : directives) {
            for (int i = 0; i < d.counterparties().size(); i++) {
                String id = d.id() + "#" + i;
                bySourceId.put(id, d);
                entries.add(ListEntry.builder("directive", id).schema(Schema.ORGANIZATION).name(d.counterparties().get(i)).build());
            }
        }
        this.index = entries.isEmpty() ? null : ScreeningIndex.build(entries);
    }

    /** The directives this matcher holds. */
    public List<Directive> directives() {
        return directives;
    }

    /** A directive naming the party, with the counterparty name it matched. */
    public record Match(Directive directive, String counterparty, double score) {
    }

    public List<Match> matches(String name) {
        if (index == null || name == null || name.isBlank()) {
            return List.of();
        }
        List<Match> out = new ArrayList<>();
        for (Candidate c : index.screen(ScreeningQuery.of(name, Schema.ORGANIZATION), 20, Thresholds.ORGANIZATION)) {
            Directive d = bySourceId.get(c.entry().sourceId());
            if (d != null && out.stream().noneMatch(m -> m.directive().id().equals(d.id()))) {
                out.add(new Match(d, c.entry().name(), c.score()));
            }
        }
        return out;
    }

    public Optional<Match> first(String name) {
        return matches(name).stream().findFirst();
    }
}
