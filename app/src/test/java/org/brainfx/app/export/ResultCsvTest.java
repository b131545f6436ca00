package org.brainfx.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV text: quoting, numbers that read back exactly, ragged rows refused; and whole-file writes. */
class ResultCsvTest {

    @TempDir
    Path dir;

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuoted() {
        String csv = ResultCsv.format(List.of("name", "note"),
                List.of(List.of("de", "plain"), List.of("a,b", "say \"hi\""), List.of("x", "two\nlines")));

        assertEquals("name,note\nde,plain\n\"a,b\",\"say \"\"hi\"\"\"\nx,\"two\nlines\"\n", csv);
    }

    @Test
    void numbersReadBackExactlyAndMissingOnesAreEmpty() {
        double v = 1.2345678901234567e-7;

        assertEquals(v, Double.parseDouble(ResultCsv.number(v)));
        assertEquals("", ResultCsv.number((Double) null));
        assertEquals("", ResultCsv.number(Double.NaN));
        assertEquals("12", ResultCsv.number(12L));
    }

    @Test
    void aRowOfTheWrongLengthIsRefusedWithItsNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultCsv.format(List.of("a", "b"), List.of(List.of("1", "2"), List.of("3"))));

        assertTrue(e.getMessage().contains("row 2 has 1 cells"), e.getMessage());
    }

    @Test
    void exportFileReplacesTheOldFileAndLeavesNoTemporaryBehind() throws IOException {
        Path file = dir.resolve("sub/table.csv");
        ExportFile.write(file, "old\n");

        ExportFile.write(file, "new\n");

        assertEquals("new\n", Files.readString(file, StandardCharsets.UTF_8));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file.getFileName()), files.map(Path::getFileName).toList());
        }
    }

    @Test
    void anUnwritableTargetNamesTheFile() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("taken.csv"));
        Files.writeString(folder.resolve("inside"), "x");

        IOException e = assertThrows(IOException.class, () -> ExportFile.write(folder, "a\n"));

        assertTrue(e.getMessage().startsWith(folder.toString()), e.getMessage());
    }
}
