package org.brainfx.engine.net;

/**
 * A network project ({@code *.brainfx.json} with a {@code network}): the network spec and what a
 * person reading the file needs. Relative file names in the spec start from the project's folder.
 *
 * @param schemaVersion the file format version ({@link NetworkProjectFiles#SCHEMA_VERSION})
 */
public record NetworkProject(int schemaVersion, String name, String description, NetworkSpec network) {
}
