package edu.scrutiny.app.web;

import edu.scrutiny.app.support.InvalidInput;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The problems of a rejected form, found by the inputs they concern: a problem at {@code
 * parties[0].country} belongs to the input of that name, one at {@code work_countries[2]} to the
 * input {@code work_countries}, one at {@code parties[1].owners[0].country} to that row's country.
 */
public final class FieldErrors {
    private static final FieldErrors NONE = new FieldErrors(List.of());
    private final List<InvalidInput.Problem> problems;

    private FieldErrors(List<InvalidInput.Problem> problems) {
        this.problems = List.copyOf(problems);
    }

    static FieldErrors none() {
        return NONE;
    }

    static FieldErrors of(InvalidInput e) {
        return new FieldErrors(e.problems());
    }

    /** The problems with their fields renamed (e.g. from a list's index to the form's row). */
    static FieldErrors of(InvalidInput e, UnaryOperator<String> rename) {
        return new FieldErrors(e.problems().stream()
                .map(p -> new InvalidInput.Problem(rename.apply(p.field()), p.message())).toList());
    }

    public boolean any() {
        return !problems.isEmpty();
    }

    public List<InvalidInput.Problem> all() {
        return problems;
    }

    /** Whether any problem concerns the input named {@code name}. */
    public boolean has(String name) {
        return !messages(name).isEmpty();
    }

    /** The messages for the input named {@code name}. */
    public List<String> messages(String name) {
        List<String> out = new ArrayList<>();
        for (InvalidInput.Problem p : problems) {
            if (concerns(p.field(), name)) {
                out.add(p.message());
            }
        }
        return out;
    }

    /** The messages for the input, joined: what is shown beside it. */
    public String text(String name) {
        return String.join("; ", messages(name));
    }

    /** The id of the element that shows an input's messages, for aria-describedby. */
    public String errorId(String name) {
        return "error-" + inputId(name).substring(2);
    }

    /** The id of the input named {@code name}: {@code parties[0].country} has {@code f-parties-0-country}. */
    public String inputId(String name) {
        return "f-" + name.replaceAll("[^A-Za-z0-9_]+", "-").replaceAll("-$", "");
    }

    /**
     * The id of the input a problem's field belongs to, for the summary's link: {@code work_countries[2]}
     * is typed in {@code work_countries}, {@code parties[1].owners[0].share} in its own input, and
     * {@code parties[1].owners} (a problem of the rows together) is the owners' group.
     */
    public String anchor(String field) {
        String name = field == null ? "" : field.replaceAll("\\[\\d+]$", "");
        return inputId(name);
    }

    /** The messages about exactly this field (not the fields within it), joined: a list's own problems, such as shares above 100%. */
    public String here(String name) {
        return String.join("; ", problems.stream().filter(p -> name.equals(p.field())).map(InvalidInput.Problem::message).toList());
    }

    static boolean concerns(String field, String name) {
        if (field == null) {
            return false;
        }
        return field.equals(name) || field.startsWith(name + "[") || field.startsWith(name + ".");
    }
}
