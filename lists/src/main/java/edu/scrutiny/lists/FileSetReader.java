package edu.scrutiny.lists;

import java.util.List;

/**
 * A reader for a format that spreads one list over several files (OFAC's legacy CSV: sdn.csv,
 * add.csv, alt.csv, sdn_comments.csv). Discovery offers it every file of a directory or archive
 * first, and it claims the sets it reads.
 */
public interface FileSetReader extends ListReader {

    /**
     * The sets of files, among those given, that each make one list of this format. Files not
     * claimed are offered to the single-file readers.
     */
    List<List<ListFile>> claim(List<ListFile> files);
}
