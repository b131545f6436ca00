package org.brainfx.engine.data.connectome;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NumPy {@code .npy} format (versions 1–3), read and written by hand: any numeric dtype (bool,
 * signed and unsigned integers of 1–8 bytes, float16/32/64), little or big endian, C or Fortran
 * order, and fixed-width text ({@code U}, {@code S}) for labels. Object (pickled), complex,
 * structured and date arrays are refused. Written files are {@code <f8}, {@code <f4}, {@code <i4},
 * {@code |u1} or {@code <U} in C order, version 1.0, with the header padded to 64 bytes as numpy does.
 */
public final class NpyFormat {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final int ALIGN = 64;

    private NpyFormat() {
    }

    /**
     * Reads one array from the bytes of a .npy file.
     *
     * @param where the file (and entry) for messages
     * @param name  the array's name
     */
    static NamedArray read(byte[] bytes, String where, String name) throws ConnectomeException {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.length <= i || bytes[i] != MAGIC[i]) {
                throw new ConnectomeException(where + ": not a NumPy .npy array (no \\x93NUMPY magic); save it with"
                        + " numpy.save");
            }
        }
        if (bytes.length < 10) {
            throw new ConnectomeException(where + ": truncated .npy header");
        }
        int major = bytes[6] & 0xFF;
        in.position(8);
        int headerLength;
        if (major == 1) {
            headerLength = in.getShort() & 0xFFFF;
        } else if (major == 2 || major == 3) {
            headerLength = in.getInt();
        } else {
            throw new ConnectomeException(where + ": .npy format version " + major + " is unknown (1, 2 and 3 are read)");
        }
        int start = in.position();
        if (headerLength < 0 || start + headerLength > bytes.length) {
            throw new ConnectomeException(where + ": truncated .npy header");
        }
        String header = new String(bytes, start, headerLength, major == 3 ? StandardCharsets.UTF_8
                : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeText = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeText.find()) {
            throw new ConnectomeException(where + ": the .npy header " + header.strip() + " has no plain 'descr',"
                    + " 'fortran_order' and 'shape' (structured arrays are not read; save a plain numeric array)");
        }
        int[] shape = shape(shapeText.group(1), where);
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new ConnectomeException(where + ": " + count + " elements are more than one array can hold here");
        }
        String dtype = descr.group(1);
        Dtype type = Dtype.parse(dtype, where);
        int data = start + headerLength;
        if ((long) data + count * type.size > bytes.length) {
            throw new ConnectomeException(where + ": the data is truncated (" + (bytes.length - data) + " bytes for "
                    + count + " elements of " + dtype + ")");
        }
        in.position(data);
        in.order(type.order);
        boolean fortranOrder = fortran.group(1).equals("True");
        if (type.text) {
            List<String> texts = new ArrayList<>((int) count);
            for (int k = 0; k < count; k++) {
                texts.add(type.text(in));
            }
            if (shape.length > 1) {
                throw new ConnectomeException(where + ": a text array of " + shape.length + " dimensions; labels are"
                        + " one text per node (1-D)");
            }
            return NamedArray.texts(name, texts, dtype);
        }
        if (shape.length == 2) {
            return matrix(in, type, shape, fortranOrder, name, dtype);
        }
        double[] values = new double[(int) count];
        for (int k = 0; k < count; k++) {
            values[k] = type.number(in);
        }
        if (fortranOrder && shape.length > 2) {
            values = toRowMajor(values, shape);
        }
        return NamedArray.numbers(name, shape, values, dtype);
    }

    /**
     * A 2-D array kept as its non-zero entries (a connectome matrix is mostly zeros, and a dense copy
     * would double the memory of reading it): one pass counts them, a second collects them.
     */
    private static NamedArray matrix(ByteBuffer in, Dtype type, int[] shape, boolean fortranOrder, String name,
                                     String dtype) {
        int rows = shape[0];
        int cols = shape[1];
        long count = (long) rows * cols;
        int start = in.position();
        int nonZero = 0;
        for (long k = 0; k < count; k++) {
            nonZero += type.number(in) != 0 ? 1 : 0;
        }
        in.position(start);
        int[] r = new int[nonZero];
        int[] c = new int[nonZero];
        double[] v = new double[nonZero];
        int at = 0;
        for (long k = 0; k < count; k++) {
            double value = type.number(in);
            if (value != 0) {
                // C order: the last index runs fastest; Fortran order: the first does
                r[at] = (int) (fortranOrder ? k % rows : k / cols);
                c[at] = (int) (fortranOrder ? k / rows : k % cols);
                v[at++] = value;
            }
        }
        return NamedArray.sparse(name, rows, cols, r, c, v, dtype);
    }

    private static int[] shape(String text, String where) throws ConnectomeException {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                try {
                    dims.add(Integer.parseInt(part.strip().replace("L", "")));
                } catch (NumberFormatException e) {
                    throw new ConnectomeException(where + ": shape (" + text + ") is not a list of sizes");
                }
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Fortran order (first index fastest) to C order (last index fastest), any number of dimensions. */
    private static double[] toRowMajor(double[] columnMajor, int[] shape) {
        double[] out = new double[columnMajor.length];
        int dims = shape.length;
        int[] index = new int[dims];
        for (int f = 0; f < columnMajor.length; f++) {
            int c = 0;
            for (int d = 0; d < dims; d++) {
                c = c * shape[d] + index[d];
            }
            out[c] = columnMajor[f];
            for (int d = 0; d < dims && ++index[d] == shape[d]; d++) {
                index[d] = 0;
            }
        }
        return out;
    }

    /** An element type: its byte order, size and how to read one element. */
    private static final class Dtype {
        final ByteOrder order;
        final char kind;
        final int size;
        final boolean text;

        private Dtype(ByteOrder order, char kind, int size) {
            this.order = order;
            this.kind = kind;
            this.size = size;
            this.text = kind == 'U' || kind == 'S';
        }

        static Dtype parse(String descr, String where) throws ConnectomeException {
            Matcher m = Pattern.compile("([<>|=]?)([a-zA-Z?])(\\d*)").matcher(descr);
            if (!m.matches()) {
                throw new ConnectomeException(where + ": dtype '" + descr + "' is not read; save a numeric array");
            }
            ByteOrder order = m.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            char kind = m.group(2).charAt(0);
            int size = m.group(3).isEmpty() ? 1 : Integer.parseInt(m.group(3));
            boolean ok = switch (kind) {
                case 'b', '?' -> size == 1;
                case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
                case 'f' -> size == 2 || size == 4 || size == 8;
                case 'S' -> size >= 1;
                case 'U' -> size >= 1;
                default -> false;
            };
            if (!ok) {
                String what = switch (kind) {
                    case 'O' -> "pickled Python objects; save a numeric array (allow_pickle=False)";
                    case 'c' -> "complex numbers; a connectome's weights are real";
                    case 'M', 'm' -> "dates or times";
                    default -> "not a numeric type read here (bool, int8–64, uint8–64, float16/32/64)";
                };
                throw new ConnectomeException(where + ": dtype '" + descr + "' holds " + what);
            }
            return new Dtype(order, kind == '?' ? 'b' : kind, kind == 'U' ? size * 4 : size);
        }

        double number(ByteBuffer in) {
            switch (kind) {
                case 'b':
                    return in.get() != 0 ? 1 : 0;
                case 'i':
                    return switch (size) {
                        case 1 -> in.get();
                        case 2 -> in.getShort();
                        case 4 -> in.getInt();
                        default -> in.getLong();
                    };
                case 'u':
                    return switch (size) {
                        case 1 -> in.get() & 0xFF;
                        case 2 -> in.getShort() & 0xFFFF;
                        case 4 -> in.getInt() & 0xFFFFFFFFL;
                        default -> unsigned(in.getLong());
                    };
                default:
                    return switch (size) {
                        case 2 -> half(in.getShort());
                        case 4 -> in.getFloat();
                        default -> in.getDouble();
                    };
            }
        }

        String text(ByteBuffer in) {
            byte[] raw = new byte[size];
            in.get(raw);
            String s = new String(raw, kind == 'U' ? Charset.forName(order == ByteOrder.BIG_ENDIAN ? "UTF-32BE"
                    : "UTF-32LE") : StandardCharsets.ISO_8859_1);
            int end = s.indexOf('\0');
            return end >= 0 ? s.substring(0, end) : s;
        }
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2 + (v & 1);
    }

    /** IEEE 754 half precision to double (Java 17 has no Float.float16ToFloat). */
    static double half(short bits) {
        int sign = (bits >> 15) & 1;
        int exponent = (bits >> 10) & 0x1F;
        int fraction = bits & 0x3FF;
        double magnitude;
        if (exponent == 0) {
            magnitude = fraction * 0x1p-24;
        } else if (exponent == 31) {
            magnitude = fraction == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            magnitude = (1 + fraction / 1024.0) * Math.pow(2, exponent - 15);
        }
        return sign == 1 ? -magnitude : magnitude;
    }

    /** Writes a {@code rows × cols} matrix (row-major values) as {@code <f8}, C order. */
    public static void writeMatrix(OutputStream out, int rows, int cols, double[] rowMajor) throws IOException {
        if (rowMajor.length != (long) rows * cols) {
            throw new IllegalArgumentException(rowMajor.length + " values for a " + rows + " × " + cols + " matrix");
        }
        writeArray(out, Element.FLOAT64, new int[] {rows, cols}, rowMajor);
    }

    /** The element types {@link #writeArray} writes, little-endian where the order matters. */
    public enum Element {
        /** {@code <f8}. */
        FLOAT64("<f8", 8),
        /** {@code <f4}: values are rounded to the nearest float. */
        FLOAT32("<f4", 4),
        /** {@code <i4}: values must be whole and within int range. */
        INT32("<i4", 4),
        /** {@code |u1}: values must be whole, 0 to 255. */
        UINT8("|u1", 1);

        private final String descr;
        private final int size;

        Element(String descr, int size) {
            this.descr = descr;
            this.size = size;
        }

        private void put(ByteBuffer buffer, double v, int index) {
            switch (this) {
                case FLOAT64 -> buffer.putDouble(v);
                case FLOAT32 -> buffer.putFloat((float) v);
                case INT32 -> buffer.putInt((int) whole(v, Integer.MIN_VALUE, Integer.MAX_VALUE, index));
                default -> buffer.put((byte) whole(v, 0, 255, index));
            }
        }

        private long whole(double v, long min, long max, int index) {
            if (v != Math.rint(v) || v < min || v > max) {
                throw new IllegalArgumentException("value " + v + " at flat index " + index + " is not a whole number"
                        + " from " + min + " to " + max + ", which " + descr + " holds");
            }
            return (long) v;
        }
    }

    /**
     * Writes an array of any number of dimensions (row-major values, C order) with the given element
     * type; an exception names a value the type cannot hold.
     */
    public static void writeArray(OutputStream out, Element type, int[] shape, double[] rowMajor) throws IOException {
        long count = 1;
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException("negative dimension " + shape[i] + " in the shape of a .npy array");
            }
            count *= shape[i];
            dims.append(i > 0 ? ", " : "").append(shape[i]);
        }
        dims.append(shape.length == 1 ? ",)" : ")");
        if (rowMajor.length != count) {
            throw new IllegalArgumentException(rowMajor.length + " values for an array of shape " + dims);
        }
        // Checked before the header goes out, so a refused array leaves no partial file behind the caller's back.
        ByteBuffer check = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < rowMajor.length; k++) {
            type.put(check.clear(), rowMajor[k], k);
        }
        header(out, type.descr, dims.toString());
        ByteBuffer buffer = ByteBuffer.allocate(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < rowMajor.length; k++) {
            if (buffer.remaining() < type.size) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            type.put(buffer, rowMajor[k], k);
        }
        out.write(buffer.array(), 0, buffer.position());
    }

    /**
     * Reads a numeric .npy file that must have exactly {@code shape}, as row-major values (any dtype
     * the reader knows, C or Fortran order); an exception names the file and both shapes.
     */
    public static double[] readDense(Path file, int... shape) throws ConnectomeException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConnectomeException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        NamedArray array = read(bytes, file.toString(), file.getFileName().toString());
        if (!array.numeric()) {
            throw new ConnectomeException(file + ": holds texts (" + array.kind() + "), not numbers");
        }
        if (!Arrays.equals(array.shape(), shape)) {
            throw new ConnectomeException(file + ": shape " + Arrays.toString(array.shape()) + ", expected "
                    + Arrays.toString(shape));
        }
        if (!array.sparse()) {
            return array.values();
        }
        double[] dense = new double[shape[0] * shape[1]];
        for (int k = 0; k < array.values().length; k++) {
            dense[array.sparseRows()[k] * shape[1] + array.sparseCols()[k]] = array.values()[k];
        }
        return dense;
    }

    /** Writes texts as a 1-D {@code <U} array as wide as the longest. */
    public static void writeTexts(OutputStream out, List<String> texts) throws IOException {
        int width = 1;
        for (String t : texts) {
            width = Math.max(width, t.codePointCount(0, t.length()));
        }
        header(out, "<U" + width, "(" + texts.size() + ",)");
        ByteBuffer buffer = ByteBuffer.allocate(4 * width).order(ByteOrder.LITTLE_ENDIAN);
        for (String t : texts) {
            buffer.clear();
            t.codePoints().forEach(buffer::putInt);
            while (buffer.hasRemaining()) {
                buffer.putInt(0);
            }
            out.write(buffer.array());
        }
    }

    private static void header(OutputStream out, String descr, String shape) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (ALIGN - unpadded % ALIGN) % ALIGN;
        String text = dict + " ".repeat(padding) + "\n";
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(MAGIC);
        head.write(1);
        head.write(0);
        head.write(text.length() & 0xFF);
        head.write((text.length() >> 8) & 0xFF);
        head.write(text.getBytes(StandardCharsets.ISO_8859_1));
        head.writeTo(out);
    }

}
