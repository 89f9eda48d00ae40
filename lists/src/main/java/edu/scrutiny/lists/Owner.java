package edu.scrutiny.lists;

import java.util.Objects;

/**
 * A parent or owner of a listed entity, as the source names it.
 *
 * @param name  the owner's name
 * @param share percentage owned, 0 to 100, or null where the source gives none
 */
public record Owner(String name, Double share) {
    public Owner {
        Objects.requireNonNull(name, "name");
        if (share != null && (share < 0 || share > 100 || share.isNaN())) {
            throw new IllegalArgumentException("ownership share must be between 0 and 100, was " + share);
        }
    }
}
