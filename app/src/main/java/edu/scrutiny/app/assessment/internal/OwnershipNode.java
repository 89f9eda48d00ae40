package edu.scrutiny.app.assessment.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One node of a party's ownership tree: the party itself at the root, its owners above it (as the
 * engagement names them, joined by those the lists know), and the keys (list keys or directive ids)
 * it is itself on. Built once per assessment, then read by {@link OwnershipComputation}.
 *
 * @see OwnershipTrees
 */
public final class OwnershipNode {
    private final String name;
    private final boolean person;
    private final Double share;
    private final String country;
    private final boolean fromLists;
    private final List<OwnershipNode> owners = new ArrayList<>();
    private final Set<String> listedOn = new LinkedHashSet<>();

    /**
     * @param share     percent of the node below that this one holds; null for a parent whose share is not known (counted as 100%)
     * @param fromLists whether the lists, not the engagement, name this owner
     */
    public OwnershipNode(String name, boolean person, Double share, String country, boolean fromLists) {
        this.name = name;
        this.person = person;
        this.share = share;
        this.country = country;
        this.fromLists = fromLists;
    }

    public String name() {
        return name;
    }

    public boolean person() {
        return person;
    }

    public Double share() {
        return share;
    }

    /** The share counted: a parent named without a share controls its subsidiary, so counts as 100%. */
    public double countedShare() {
        return share == null ? 100.0 : share;
    }

    public String country() {
        return country;
    }

    public boolean fromLists() {
        return fromLists;
    }

    public List<OwnershipNode> owners() {
        return Collections.unmodifiableList(owners);
    }

    public OwnershipNode addOwner(OwnershipNode owner) {
        owners.add(owner);
        return owner;
    }

    /** Marks this node as itself on a list (or named by a directive). */
    public void markListed(String key) {
        listedOn.add(key);
    }

    public boolean listedOn(String key) {
        return listedOn.contains(key);
    }

    public Set<String> listedKeys() {
        return Collections.unmodifiableSet(listedOn);
    }

    /** Every node of the tree, this one first, each once. */
    public List<OwnershipNode> all() {
        List<OwnershipNode> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(OwnershipNode n, List<OwnershipNode> out) {
        out.add(n);
        n.owners.forEach(o -> collect(o, out));
    }
}
