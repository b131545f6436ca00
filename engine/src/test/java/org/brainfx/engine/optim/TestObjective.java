package org.brainfx.engine.optim;

/** A loss with its gradient, for driving the optimizers in tests. */
interface TestObjective {

    double value(double[] x);

    double[] gradient(double[] x);

    /** Rosenbrock's valley in any dimension; minimum 0 at (1, …, 1). */
    static TestObjective rosenbrock() {
        return new TestObjective() {
            @Override
            public double value(double[] x) {
                double f = 0;
                for (int i = 0; i + 1 < x.length; i++) {
                    double a = x[i + 1] - x[i] * x[i];
                    double b = 1 - x[i];
                    f += 100 * a * a + b * b;
                }
                return f;
            }

            @Override
            public double[] gradient(double[] x) {
                double[] g = new double[x.length];
                for (int i = 0; i + 1 < x.length; i++) {
                    double a = x[i + 1] - x[i] * x[i];
                    g[i] += -400 * x[i] * a - 2 * (1 - x[i]);
                    g[i + 1] += 200 * a;
                }
                return g;
            }
        };
    }

    /** A coupled quadratic with minimum at {@code centre} (which may lie outside the box). */
    static TestObjective quadratic(double... centre) {
        return new TestObjective() {
            @Override
            public double value(double[] x) {
                double f = 0;
                for (int i = 0; i < x.length; i++) {
                    double e = x[i] - centre[i];
                    f += (i + 1) * e * e;
                    if (i + 1 < x.length) {
                        f += 0.5 * e * (x[i + 1] - centre[i + 1]);
                    }
                }
                return f;
            }

            @Override
            public double[] gradient(double[] x) {
                double[] g = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    double e = x[i] - centre[i];
                    g[i] += 2 * (i + 1) * e;
                    if (i + 1 < x.length) {
                        g[i] += 0.5 * (x[i + 1] - centre[i + 1]);
                        g[i + 1] += 0.5 * e;
                    }
                }
                return g;
            }
        };
    }

    /** A relative-error loss with minimum 0 at {@code truth}, for parameters of very different scales. */
    static TestObjective relativeError(double... truth) {
        return new TestObjective() {
            @Override
            public double value(double[] x) {
                double f = 0;
                double previous = 0;
                for (int i = 0; i < x.length; i++) {
                    double r = x[i] / truth[i] - 1;
                    f += r * r + 0.5 * r * previous;
                    previous = r;
                }
                return f;
            }

            @Override
            public double[] gradient(double[] x) {
                double[] g = new double[x.length];
                double previous = 0;
                for (int i = 0; i < x.length; i++) {
                    double r = x[i] / truth[i] - 1;
                    g[i] += (2 * r + 0.5 * previous) / truth[i];
                    if (i > 0) {
                        g[i - 1] += 0.5 * r / truth[i - 1];
                    }
                    previous = r;
                }
                return g;
            }
        };
    }

    /** This objective, but diverged (NaN loss and gradient) wherever {@code x[0] > threshold}. */
    default TestObjective divergingAbove(double threshold) {
        TestObjective inner = this;
        return new TestObjective() {
            @Override
            public double value(double[] x) {
                return x[0] > threshold ? Double.NaN : inner.value(x);
            }

            @Override
            public double[] gradient(double[] x) {
                if (x[0] > threshold) {
                    double[] g = new double[x.length];
                    java.util.Arrays.fill(g, Double.NaN);
                    return g;
                }
                return inner.gradient(x);
            }
        };
    }
}
