package org.brainfx.engine.model.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.brainfx.engine.model.ModelException;

/** Splits expression text into numbers, identifiers and operators. */
final class ExpressionLexer {
    private static final Set<String> TWO_CHAR_OPS = Set.of("<=", ">=", "==", "!=");
    private static final String ONE_CHAR_OPS = "+-*/^(),<>";

    private ExpressionLexer() {
    }

    /** The tokens of {@code text}, ending with an END token; positions in errors are relative to {@code base}. */
    static List<Token> tokenize(String text, Pos base) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                int end = numberEnd(text, i);
                tokens.add(new Token(Token.Kind.NUMBER, text.substring(i, end), i));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.IDENT, text.substring(i, end), i));
                i = end;
            } else if (i + 1 < text.length() && TWO_CHAR_OPS.contains(text.substring(i, i + 2))) {
                tokens.add(new Token(Token.Kind.OP, text.substring(i, i + 2), i));
                i += 2;
            } else if (ONE_CHAR_OPS.indexOf(c) >= 0) {
                tokens.add(new Token(Token.Kind.OP, String.valueOf(c), i));
                i++;
            } else {
                throw new ModelException("unexpected character '" + c
                        + "' (expected a number, a name, an operator + - * / ^, a comparison or a parenthesis)",
                        new Pos(base.line(), base.column() + i));
            }
        }
        tokens.add(new Token(Token.Kind.END, "", text.length()));
        return tokens;
    }

    private static int numberEnd(String text, int start) {
        int i = start;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            if (j < text.length() && Character.isDigit(text.charAt(j))) {
                while (j < text.length() && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                i = j;
            }
        }
        return i;
    }
}
