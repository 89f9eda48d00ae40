package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListReader;
import edu.scrutiny.lists.ListSource;
import edu.scrutiny.lists.Schema;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * OpenSanctions {@code targets.nested.json}: one target entity per line, with its adjacent
 * entities nested as objects inside its properties, under FollowTheMoney's property names:
 * Sanctions under {@code sanctions} (the reverse of Sanction's {@code entity}), Addresses under
 * {@code addressEntity}, Identifications and Passports under {@code identification}, Ownerships
 * under {@code ownershipAsset} (the entity is the asset; the owner is nested inside the Ownership)
 * or {@code ownershipOwner} (the entity is the owner; not an owner of the entry, so not used).
 * The same nested entities also come as one JSON array of entities (as in the State
 * Department's Terrorist Exclusion List export), which is streamed element by element.
 *
 * <p>Everything about an entry is in its own object, so each is handed over as soon as it is
 * read. The mapping and the list key are {@link FtmEntities}'s, shared with {@link FtmJsonReader};
 * top-level auxiliary entities, should a file hold any, are not entries.
 *
 * <p>Recognised by a first JSON value that is an array of FtM entity objects, or a first line
 * that is an FtM entity with a nested entity in its properties or in a file named
 * {@code *.nested.json}.
 */
public final class FtmNestedJsonReader implements ListReader {

    @Override
    public ListFormat format() {
        return ListFormat.FTM_NESTED_JSON;
    }

    @Override
    public boolean recognises(ListSource source) throws IOException {
        if (source.files().size() != 1) {
            return false;
        }
        return switch (FtmInput.probe(source.single())) {
            case ARRAY, NESTED_LINES -> true;
            case LINES -> FtmInput.nestedName(source.single());
            case NONE -> false;
        };
    }

    @Override
    public ReadSummary read(ListSource source, Consumer<ListEntry> sink) throws IOException {
        ListFile file = source.single();
        String[] listKey = {null};
        long[] count = {0};
        FtmInput.EntityHandler handler = (entity, where) -> {
            Optional<Schema> schema = FtmEntities.screenable(entity, where);
            if (listKey[0] == null) {
                listKey[0] = FtmEntities.listKey(entity, file);
            }
            if (schema.isPresent()) {
                sink.accept(FtmEntities.entry(entity, schema.get(), listKey[0], where, new FtmEntities.Facts(), null));
                count[0]++;
            }
        };
        if (FtmInput.startsWithArray(file)) {
            FtmInput.forEachElement(file, handler);
        } else {
            FtmInput.forEachLine(file, handler);
        }
        if (listKey[0] == null) {
            throw new ListFormatException(file.location(), "holds no entities; expected FollowTheMoney entities "
                    + "(one JSON object per line, or one JSON array of them)");
        }
        if (count[0] == 0) {
            throw new ListFormatException(file.location(), "holds no screenable entities (Person, Organization, "
                    + "Company, LegalEntity, PublicBody, Vessel or Airplane), only auxiliary ones");
        }
        return new ReadSummary(listKey[0], count[0]);
    }
}
