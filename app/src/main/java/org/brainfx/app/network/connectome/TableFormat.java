package org.brainfx.app.network.connectome;

/** How a text connectome is laid out, where the reader should not guess: its separator and whether it has a header. */
public final class TableFormat {

    private TableFormat() {
    }

    /** The separator of a text table's fields. */
    public enum Separator {
        /** Found from the file's first lines. */
        AUTO(null),
        /** {@code ,} */
        COMMA(','),
        /** a tab */
        TAB('\t'),
        /** {@code ;} */
        SEMICOLON(';'),
        /** runs of spaces or tabs */
        WHITESPACE(' '),
        /** {@code |} */
        PIPE('|');

        private final Character character;

        Separator(Character character) {
            this.character = character;
        }

        /** The reader's separator, null for {@link #AUTO}. */
        public Character character() {
            return character;
        }
    }

    /** Whether a text table's first row is a header. */
    public enum Header {
        /** Found from the file's content. */
        AUTO(null),
        /** The first row names (or labels) the columns. */
        YES(Boolean.TRUE),
        /** The first row is data. */
        NO(Boolean.FALSE);

        private final Boolean value;

        Header(Boolean value) {
            this.value = value;
        }

        /** The reader's setting, null for {@link #AUTO}. */
        public Boolean value() {
            return value;
        }
    }
}
