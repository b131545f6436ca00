package org.brainfx.engine.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The bytes of one ABF file with little-endian reads that are checked against the file's length, so a
 * short file fails with the name and byte position of the field that is missing.
 */
final class AbfBytes {
    private final Path file;
    private final ByteBuffer buffer;

    AbfBytes(Path file, byte[] bytes) {
        this.file = file;
        this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    Path file() {
        return file;
    }

    long length() {
        return buffer.capacity();
    }

    /** A read-only little-endian view of the whole file, for bulk sample decoding. */
    ByteBuffer buffer() {
        return buffer.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    short i16(long offset, String field) throws RecordingException {
        return buffer.getShort(at(offset, 2, field));
    }

    int i32(long offset, String field) throws RecordingException {
        return buffer.getInt(at(offset, 4, field));
    }

    /** An unsigned 32-bit value (ABF2 block indices and counts are unsigned). */
    long u32(long offset, String field) throws RecordingException {
        return Integer.toUnsignedLong(i32(offset, field));
    }

    int u8(long offset, String field) throws RecordingException {
        return Byte.toUnsignedInt(buffer.get(at(offset, 1, field)));
    }

    float f32(long offset, String field) throws RecordingException {
        return buffer.getFloat(at(offset, 4, field));
    }

    /**
     * A fixed-width text field, cut at the first NUL and trimmed. Latin-1 keeps Axon's 0xB5 as the micro
     * sign of "µA"/"µV" instead of a replacement character.
     */
    String text(long offset, int width, String field) throws RecordingException {
        int start = at(offset, width, field);
        int end = start;
        while (end < start + width && buffer.get(end) != 0) {
            end++;
        }
        return new String(buffer.array(), start, end - start, StandardCharsets.ISO_8859_1).trim();
    }

    /** An error about this file: what is wrong (with the place) and what the user can do about it. */
    RecordingException error(String problem, String fix) {
        return new RecordingException(file + ": " + problem + ". " + fix);
    }

    private int at(long offset, int width, String field) throws RecordingException {
        if (offset < 0 || offset + width > buffer.capacity()) {
            throw error("truncated file: header field " + field + " at byte " + offset + " needs " + width
                            + " bytes but the file has only " + buffer.capacity() + " bytes",
                    "The file is incomplete (interrupted copy or acquisition); copy it again from the original");
        }
        return (int) offset;
    }
}
