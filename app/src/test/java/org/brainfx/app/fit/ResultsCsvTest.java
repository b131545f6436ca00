package org.brainfx.app.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The results table as CSV: exact numbers, RFC 4180 quoting, empty cells for what is not a number. */
class ResultsCsvTest {

    @Test
    void rowsAreExactAndQuotedOnlyWhenNeeded() {
        String csv = ResultsCsv.of(List.of(
                new ParameterRow("gL", 0.008363657201143428, "uS", 1e-4, 0.1, 0.02),
                new ParameterRow("odd,name", -55.3, "m\"V", -65, -50, Double.NaN)));
        assertEquals("parameter,fitted,unit,lower,upper,start\n"
                + "gL,0.008363657201143428,uS,1.0E-4,0.1,0.02\n"
                + "\"odd,name\",-55.3,\"m\"\"V\",-65.0,-50.0,\n", csv);
    }
}
