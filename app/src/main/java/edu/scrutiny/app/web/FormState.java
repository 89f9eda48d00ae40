package edu.scrutiny.app.web;

import edu.scrutiny.app.support.InvalidInput;

import java.util.List;
import java.util.Map;

/**
 * On a page with several forms: which one was posted and refused, what was typed in it (shown again),
 * and why it was refused: a refusal of the action as a whole (not permitted, a conflict with the
 * object's state) or problems with its fields, each shown beside its field. Every input's id is
 * {@code FORM-FIELD}, and the element that shows its problem {@code error-FORM-FIELD}.
 */
public final class FormState {
    private static final FormState NONE = new FormState(null, Map.of(), null, FieldErrors.none());

    private final String form;
    private final Map<String, String> values;
    private final String refusal;
    private final FieldErrors errors;

    private FormState(String form, Map<String, String> values, String refusal, FieldErrors errors) {
        this.form = form;
        this.values = Map.copyOf(values);
        this.refusal = refusal;
        this.errors = errors;
    }

    static FormState none() {
        return NONE;
    }

    /** The form was refused as a whole (the action is not permitted, or the object's state does not allow it). */
    static FormState refused(String form, Map<String, String> values, String why) {
        return new FormState(form, values, why, FieldErrors.none());
    }

    /** The form's fields were refused. */
    static FormState invalid(String form, Map<String, String> values, InvalidInput e) {
        return new FormState(form, values, null, FieldErrors.of(e));
    }

    /** Whether {@code f} is the form that was posted and refused. */
    public boolean failed(String f) {
        return f.equals(form);
    }

    /** Why the form {@code f} was refused as a whole, or null. */
    public String refusal(String f) {
        return failed(f) ? refusal : null;
    }

    /** What was typed in the form's field, when it was the form refused; otherwise empty. */
    public String v(String f, String field) {
        if (!failed(f)) {
            return "";
        }
        String v = values.get(field);
        return v == null ? "" : v;
    }

    public boolean is(String f, String field, String option) {
        return option != null && option.equals(v(f, field));
    }

    public boolean has(String f, String field) {
        return failed(f) && errors.has(field);
    }

    public String text(String f, String field) {
        return failed(f) ? errors.text(field) : "";
    }

    /** The problems of the form {@code f} that concern none of {@code fields} (separated by commas) (shown at the top of the form). */
    public List<String> others(String f, String fields) {
        if (!failed(f)) {
            return List.of();
        }
        List<String> named = List.of(fields.split(","));
        return errors.all().stream()
                .filter(p -> named.stream().noneMatch(n -> FieldErrors.concerns(p.field(), n.strip())))
                .map(InvalidInput.Problem::toString).toList();
    }

    public String inputId(String f, String field) {
        return f + "-" + field.replaceAll("[^A-Za-z0-9_]+", "-");
    }

    public String errorId(String f, String field) {
        return "error-" + inputId(f, field);
    }
}
