package dev.prunebench.accuracy;

/**
 * One accuracy measurement: a normalised error ratio (dimensionless, in units of ε times the
 * problem's natural scale; see {@link AccuracyTable}) and the threshold it must not exceed (NaN where
 * none applies). CSV columns: {@code backend,kernel,matrix_class,rows,cols,metric,ratio,threshold}.
 */
public record AccuracyRow(String backend, String kernel, String matrixClass, int rows, int cols, String metric,
    double ratio, double threshold) {

  /** The identity of the measurement across runs (everything but the numbers). */
  public String key() {
    return backend + "," + kernel + "," + matrixClass + "," + rows + "," + cols + "," + metric;
  }

  public String toCsv() {
    return key() + "," + ratio + "," + (Double.isNaN(threshold) ? "" : Double.toString(threshold));
  }

  /** Parses one CSV line written by {@link #toCsv()}. */
  public static AccuracyRow parse(String line) {
    String[] f = line.split(",", -1);
    if (f.length != 8) {
      throw new IllegalArgumentException("accuracy CSV line: expected 8 fields, got " + f.length + ": " + line);
    }
    return new AccuracyRow(f[0], f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]), f[5],
        Double.parseDouble(f[6]), f[7].isEmpty() ? Double.NaN : Double.parseDouble(f[7]));
  }

  public static final String HEADER = "backend,kernel,matrix_class,rows,cols,metric,ratio,threshold";
}
