package org.brainfx.engine.data.connectome;

import java.nio.file.Path;

/**
 * What a connectome file does not say about itself, and how to treat what it does say.
 *
 * @param duplicates     repeated (pre, post) rows of one layer in an edge list: summed or refused
 * @param selfLoops      connections from a node to itself: kept or dropped
 * @param mapping        typed edge list rows → layers; null = the Varshney mapping when the types are the
 *                       Varshney table's, else one layer per type
 * @param rows           what a matrix row is: the presynaptic node, the postsynaptic node, or found from the
 *                       matrix's corner cell ({@code target\source} means rows are postsynaptic) and else presynaptic
 * @param signedWeights  accept negative weights (a signed weight matrix) instead of refusing them as bad counts
 * @param labels         a file with one label per node in matrix order, or the node order of an edge list; labels
 *                       that repeat are cell types (nodes are then named type + running number); null = none
 * @param nodeAttributes a table of per-node attributes (name column + type, neurotransmitter, area, x, y, z, …)
 *                       or a .mat/.npz file of per-node vectors; null = none
 * @param delimiter      the separator of a text table's fields (a space: runs of blanks); null = found from its first lines
 * @param header         whether a text table's first row names its columns (an edge list) or labels them (a matrix);
 *                       null = found from its content
 */
public record ConnectomeOptions(Duplicates duplicates, SelfLoops selfLoops, EdgeTypeMapping mapping, Rows rows,
                                boolean signedWeights, Path labels, Path nodeAttributes, Character delimiter,
                                Boolean header) {

    /** Duplicates summed, self-loops kept, mapping from the file, rows presynaptic unless the matrix says. */
    public static final ConnectomeOptions DEFAULT = new ConnectomeOptions(Duplicates.SUM, SelfLoops.KEEP, null,
            Rows.AUTO, false, null, null, null, null);

    /** What to do with a repeated edge. */
    public enum Duplicates { SUM, REFUSE }

    /** What to do with an edge from a node to itself. */
    public enum SelfLoops { KEEP, DROP }

    /** What a row of an adjacency matrix is. */
    public enum Rows { AUTO, PRE, POST }

    /** Nulls mean the defaults. */
    public ConnectomeOptions {
        duplicates = duplicates == null ? Duplicates.SUM : duplicates;
        selfLoops = selfLoops == null ? SelfLoops.KEEP : selfLoops;
        rows = rows == null ? Rows.AUTO : rows;
    }

    /** These options with duplicates summed or refused. */
    public ConnectomeOptions withDuplicates(Duplicates value) {
        return new ConnectomeOptions(value, selfLoops, mapping, rows, signedWeights, labels, nodeAttributes,
                delimiter, header);
    }

    /** These options with self-loops kept or dropped. */
    public ConnectomeOptions withSelfLoops(SelfLoops value) {
        return new ConnectomeOptions(duplicates, value, mapping, rows, signedWeights, labels, nodeAttributes,
                delimiter, header);
    }

    /** These options with an edge type mapping (null = from the file). */
    public ConnectomeOptions withMapping(EdgeTypeMapping value) {
        return new ConnectomeOptions(duplicates, selfLoops, value, rows, signedWeights, labels, nodeAttributes,
                delimiter, header);
    }

    /** These options with matrix rows meaning {@code value}. */
    public ConnectomeOptions withRows(Rows value) {
        return new ConnectomeOptions(duplicates, selfLoops, mapping, value, signedWeights, labels, nodeAttributes,
                delimiter, header);
    }

    /** These options accepting negative weights or not. */
    public ConnectomeOptions withSignedWeights(boolean value) {
        return new ConnectomeOptions(duplicates, selfLoops, mapping, rows, value, labels, nodeAttributes,
                delimiter, header);
    }

    /** These options with a labels file (null = none). */
    public ConnectomeOptions withLabels(Path value) {
        return new ConnectomeOptions(duplicates, selfLoops, mapping, rows, signedWeights, value, nodeAttributes,
                delimiter, header);
    }

    /** These options with a text table's separator (null = found from the file). */
    public ConnectomeOptions withDelimiter(Character value) {
        return new ConnectomeOptions(duplicates, selfLoops, mapping, rows, signedWeights, labels, nodeAttributes, value,
                header);
    }

    /** These options saying whether a text table's first row is a header (null = found from the file). */
    public ConnectomeOptions withHeader(Boolean value) {
        return new ConnectomeOptions(duplicates, selfLoops, mapping, rows, signedWeights, labels, nodeAttributes,
                delimiter, value);
    }

    /** These options with a node attributes file (null = none). */
    public ConnectomeOptions withNodeAttributes(Path value) {
        return new ConnectomeOptions(duplicates, selfLoops, mapping, rows, signedWeights, labels, value,
                delimiter, header);
    }
}
