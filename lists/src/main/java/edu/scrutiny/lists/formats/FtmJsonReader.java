package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListReader;
import edu.scrutiny.lists.ListSource;
import edu.scrutiny.lists.Schema;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * OpenSanctions FollowTheMoney entities as JSON lines ({@code entities.ftm.json}): one entity
 * object per line ({@code id}, {@code schema}, {@code properties} mapping property names to arrays
 * of strings, {@code datasets}, {@code caption}, {@code target}...). Screenable entities become
 * entries; auxiliary ones (Sanction, Ownership, Address, Passport, Identification, Payment,
 * Family...) only add to the entries they reference. See {@link FtmEntities} for the mapping and
 * the list key.
 *
 * <p>The file is not ordered so that auxiliary entities follow the entities they describe, so it
 * is read more than once, and memory stays bounded by the auxiliary facts, never by the number of
 * screenable entities:
 * <ol>
 * <li>Pass 1 keeps, from auxiliary entities only, compact facts keyed by the id of the entity they
 *     name: each Sanction's programme and dates, each Identification's number, each Address's text
 *     by its own id, and each current Ownership's owner id and share by the asset's id. Of the
 *     screenable entities it keeps nothing but the name of those already known to be owners.</li>
 * <li>Only when some owner's name is still unknown (it came before the Ownership naming it, or
 *     is not in the file), a second pass picks up the names of those owners: one string per owner
 *     referenced by an Ownership.</li>
 * <li>The last pass streams the screenable entities, hands each to the sink with its facts
 *     attached, and drops those facts.</li>
 * </ol>
 * An owner that is not in the file, or has no name, cannot be named and is left out. Every
 * line is parsed and checked in the first pass, so a malformed line fails the read before any
 * entry is handed over.
 *
 * <p>Recognised by its first line: a JSON object with {@code id}, {@code schema} and
 * {@code properties} whose properties hold no nested entities (those are
 * {@link FtmNestedJsonReader}'s), in a file not named {@code *.nested.json}.
 */
public final class FtmJsonReader implements ListReader {

    @Override
    public ListFormat format() {
        return ListFormat.FTM_JSON;
    }

    @Override
    public boolean recognises(ListSource source) throws IOException {
        if (source.files().size() != 1 || FtmInput.nestedName(source.single())) {
            return false;
        }
        return FtmInput.probe(source.single()) == FtmInput.Shape.LINES;
    }

    @Override
    public ReadSummary read(ListSource source, Consumer<ListEntry> sink) throws IOException {
        ListFile file = source.single();
        SideTables side = new SideTables(file);
        FtmInput.forEachLine(file, side::collect);
        if (side.listKey == null) {
            throw new ListFormatException(file.location(), "holds no entities; expected FollowTheMoney entities, "
                    + "one JSON object per line");
        }
        if (side.ownerNamesMissing()) {
            FtmInput.forEachLine(file, side::collectOwnerNames);
        }
        long[] count = {0};
        FtmInput.forEachLine(file, (entity, where) -> {
            Optional<Schema> schema = FtmEntities.screenable(entity, where);
            if (schema.isPresent()) {
                sink.accept(FtmEntities.entry(entity, schema.get(), side.listKey, where,
                        side.takeFacts(FtmEntities.id(entity)), side.addresses::get));
                count[0]++;
            }
        });
        if (count[0] == 0) {
            throw new ListFormatException(file.location(), "holds no screenable entities (Person, Organization, "
                    + "Company, LegalEntity, PublicBody, Vessel or Airplane), only auxiliary ones");
        }
        return new ReadSummary(side.listKey, count[0]);
    }

    /** The owner of a current Ownership, by id until its name is known. */
    private record OwnerLink(String ownerId, Double share) {
    }

    /** What pass 1 keeps; see the class comment. */
    private static final class SideTables {
        private final ListFile file;
        private String listKey;
        private final Map<String, FtmEntities.Facts> facts = new HashMap<>();
        private final Map<String, String> addresses = new HashMap<>();
        private final Map<String, List<OwnerLink>> ownerLinks = new HashMap<>();
        private final Set<String> ownerIds = new HashSet<>();
        private final Map<String, String> ownerNames = new HashMap<>();

        SideTables(ListFile file) {
            this.file = file;
        }

        void collect(JsonNode entity, String where) {
            String schema = FtmEntities.schemaName(entity, where);
            if (listKey == null) {
                listKey = FtmEntities.listKey(entity, file);
            }
            String id = FtmEntities.id(entity);
            JsonNode props = entity.get("properties");
            if (Schema.fromFtm(schema).isPresent()) {
                FtmEntities.requireName(entity, where);
            }
            switch (schema) {
                case "Address" -> {
                    String text = FtmEntities.addressText(entity);
                    if (text != null) {
                        addresses.put(id, text);
                    }
                }
                case "Ownership" -> {
                    if (!FtmEntities.ended(props)) {
                        Double share = FtmEntities.share(props);
                        for (String owner : FtmEntities.strings(props, "owner")) {
                            ownerIds.add(owner);
                            for (String asset : FtmEntities.strings(props, "asset")) {
                                ownerLinks.computeIfAbsent(asset, a -> new ArrayList<>()).add(new OwnerLink(owner, share));
                            }
                        }
                    }
                }
                default -> {
                    String subject = FtmEntities.subjectProperty(schema);
                    if (subject != null) {
                        for (String ref : FtmEntities.strings(props, subject)) {
                            FtmEntities.addFacts(schema, props, facts.computeIfAbsent(ref, r -> new FtmEntities.Facts()));
                        }
                    }
                }
            }
            // owners are named whatever their schema: FtM owners are any LegalEntity
            nameOwner(entity, id);
        }

        void collectOwnerNames(JsonNode entity, String where) {
            nameOwner(entity, FtmEntities.id(entity));
        }

        private void nameOwner(JsonNode entity, String id) {
            if (ownerIds.contains(id) && !ownerNames.containsKey(id)) {
                String name = FtmEntities.displayName(entity);
                if (name != null) {
                    ownerNames.put(id, name);
                }
            }
        }

        boolean ownerNamesMissing() {
            return ownerNames.size() < ownerIds.size();
        }

        /** The facts about an entity, owners named, removed from the tables. */
        FtmEntities.Facts takeFacts(String id) {
            FtmEntities.Facts f = facts.remove(id);
            if (f == null) {
                f = new FtmEntities.Facts();
            }
            List<OwnerLink> links = ownerLinks.remove(id);
            if (links != null) {
                for (OwnerLink link : links) {
                    f.owner(ownerNames.get(link.ownerId()), link.share());
                }
            }
            return f;
        }
    }
}
