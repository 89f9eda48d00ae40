package edu.scrutiny.app.desk;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.screening.Screening;
import edu.scrutiny.app.screening.ScreeningSnapshot;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Screening for the yente and reconciliation interfaces, whose queries may give a party several
 * names: each name is screened and logged as a screening of its own (under the caller and the
 * channel), and the party's candidates are the best result per entry over all its names.
 */
@Component
class InteropScreening {
    private final Screening screening;
    private final ScreeningLog log;

    InteropScreening(Screening screening, ScreeningLog log) {
        this.screening = screening;
        this.log = log;
    }

    ScreeningSnapshot snapshot() {
        return screening.snapshot();
    }

    /** The candidates found for one party, best first, and the log entries made for its names. */
    record Found(List<Hit> hits, List<Long> screeningIds) {
    }

    /**
     * Screens and logs every name of a party.
     *
     * @param names one checked query per name, alike but for the name
     * @param floor the lowest score kept (at or below the threshold that decides a match)
     * @param keep  which hits the caller keeps (by entry date, for instance), before the limit
     */
    @Transactional
    Found screen(List<DeskQuery> names, Actor actor, Channel channel, ScreeningSnapshot snapshot, int limit, double floor,
                 Predicate<Hit> keep) {
        Map<String, Hit> best = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>();
        for (DeskQuery q : names) {
            List<Hit> hits = snapshot.screen(q.matcherQuery(), q.asOf(), q.lists(), Math.max(limit, ScreeningLog.LIMIT) * 2, floor)
                    .stream().filter(keep).limit(limit).toList();
            ids.add(log.screen(q, actor, channel, snapshot, hits).id());
            for (Hit h : hits) {
                best.merge(h.list() + '\u0000' + h.sourceId(), h, (a, b) -> b.score() > a.score() ? b : a);
            }
        }
        List<Hit> merged = new ArrayList<>(best.values());
        merged.sort(Comparator.comparingDouble(Hit::score).reversed());
        return new Found(merged.size() > limit ? List.copyOf(merged.subList(0, limit)) : List.copyOf(merged), ids);
    }
}
