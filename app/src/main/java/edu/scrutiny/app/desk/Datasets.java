package edu.scrutiny.app.desk;

import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotFound;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The datasets of the yente and reconciliation interfaces: each list Scrutiny holds, by its key, and
 * {@code default} for every list in force.
 */
final class Datasets {
    static final String DEFAULT = "default";

    private Datasets() {
    }

    /**
     * The lists a dataset stands for, narrowed to {@code include} and without {@code exclude}; null
     * for every list.
     *
     * @throws NotFound     for a dataset Scrutiny does not hold
     * @throws InvalidInput for an included or excluded list it does not hold
     */
    static Set<String> lists(String dataset, List<String> include, List<String> exclude, Set<String> held, String source) {
        if (!DEFAULT.equals(dataset) && !held.contains(dataset)) {
            throw new NotFound("dataset '" + dataset + "': the datasets are " + DEFAULT
                    + (held.isEmpty() ? "" : ", " + String.join(", ", held)));
        }
        check(include, "include_dataset", held, source);
        check(exclude, "exclude_dataset", held, source);
        boolean narrowed = DEFAULT.equals(dataset) ? include != null && !include.isEmpty() || exclude != null && !exclude.isEmpty() : true;
        if (!narrowed) {
            return null;
        }
        Set<String> lists = new TreeSet<>(DEFAULT.equals(dataset) ? held : Set.of(dataset));
        if (include != null && !include.isEmpty()) {
            lists.retainAll(include);
        }
        if (exclude != null) {
            exclude.forEach(lists::remove);
        }
        return lists;
    }

    private static void check(List<String> keys, String field, Set<String> held, String source) {
        if (keys == null) {
            return;
        }
        for (int i = 0; i < keys.size(); i++) {
            if (!held.contains(keys.get(i))) {
                throw new InvalidInput(source, field + "[" + i + "]", "'" + keys.get(i) + "' is not a dataset Scrutiny holds; they are "
                        + String.join(", ", held));
            }
        }
    }
}
