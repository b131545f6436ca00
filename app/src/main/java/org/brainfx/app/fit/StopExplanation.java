package org.brainfx.app.fit;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.brainfx.app.report.Numbers;
import org.brainfx.engine.job.StopReason;

/**
 * Why a fit stopped, in words a user acts on: what happened (converged, stalled, a budget used,
 * stopped), which parameters ended at a bound of the search, and the next step to try.
 */
public final class StopExplanation {

    /** Relative distance to a bound (of the bound range) within which a value counts as at the bound. */
    static final double AT_BOUND = 1e-4;

    private StopExplanation() {
    }

    /**
     * The explanation of a fit that stopped for {@code reason} after {@code iterations}, whose best
     * point is {@code params} inside {@code bounds} ([lower, upper] by name; either may be null).
     */
    public static String of(String reason, int iterations, Map<String, Double> params, Map<String, List<Double>> bounds,
                            ResourceBundle messages) {
        String out = brief(reason, iterations, params, bounds, messages);
        String next = nextStep(reason, !atBounds(params, bounds, messages).isEmpty(), messages);
        return next.isEmpty() ? out : out + ". " + next;
    }

    /** What happened and the parameters at a bound, without the next step (for a status line). */
    public static String brief(String reason, int iterations, Map<String, Double> params,
                               Map<String, List<Double>> bounds, ResourceBundle messages) {
        String what = switch (reason == null ? "" : reason) {
            case StopReason.CONVERGED -> messages.getString("fit.stop.converged");
            case StopReason.STALLED -> MessageFormat.format(messages.getString("fit.stop.stalled"), iterations);
            case StopReason.ITERATION_BUDGET, StopReason.EVALUATION_BUDGET, StopReason.TIME_BUDGET ->
                    MessageFormat.format(messages.getString("fit.stop.budget"), reason);
            case StopReason.TARGET_LOSS -> messages.getString("fit.stop.target");
            case StopReason.CANCELLED -> messages.getString("fit.stop.cancelled");
            default -> String.valueOf(reason);
        };
        List<String> atBound = atBounds(params, bounds, messages);
        return atBound.isEmpty() ? what
                : what + "; " + MessageFormat.format(messages.getString("fit.stop.atBound"), String.join(", ", atBound));
    }

    /** "gNa at its upper bound 40" for each parameter within {@link #AT_BOUND} of a bound. */
    static List<String> atBounds(Map<String, Double> params, Map<String, List<Double>> bounds, ResourceBundle messages) {
        List<String> out = new ArrayList<>();
        if (params == null || bounds == null) {
            return out;
        }
        params.forEach((name, value) -> {
            List<Double> b = bounds.get(name);
            if (value == null || !Double.isFinite(value) || b == null || b.size() != 2) {
                return;
            }
            double span = Math.abs(b.get(1) - b.get(0));
            if (Math.abs(value - b.get(0)) <= AT_BOUND * span) {
                out.add(MessageFormat.format(messages.getString("fit.stop.lower"), name, Numbers.significant(b.get(0))));
            } else if (Math.abs(value - b.get(1)) <= AT_BOUND * span) {
                out.add(MessageFormat.format(messages.getString("fit.stop.upper"), name, Numbers.significant(b.get(1))));
            }
        });
        return out;
    }

    private static String nextStep(String reason, boolean atBound, ResourceBundle messages) {
        if (atBound) {
            return messages.getString("fit.next.bound");
        }
        if (StopReason.STALLED.equals(reason)) {
            return messages.getString("fit.next.stalled");
        }
        if (StopReason.budgetUsed(reason)) {
            return messages.getString("fit.next.budget");
        }
        return "";
    }
}
