package io.github.gridbill.examples.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Small inline-SVG charts for the HTML report: no scripts, no external files, readable in any browser and in print.
 * Values arrive as exact numbers and are scaled to pixels here, at the very end.
 */
final class Svg {
  static final String[] PALETTE = {"#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#718096", "#c05621",
      "#2c7a7b"};

  private Svg() {}

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** The smallest of 1, 2, 2.5, 3, 4, 5, 6 and 8 times a power of ten that is at least {@code raw} (chart scale). */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** One bar of a bar chart. */
  record Bar(String label, BigDecimal value, String valueText) {}

  /**
   * A horizontal bar chart, one bar per label, scaled to the largest absolute value.
   *
   * @param title the chart's accessible title
   * @param bars the bars, in order
   * @param color the bar colour
   */
  static String bars(String title, List<Bar> bars, String color) {
    int rowH = 26;
    int labelW = 270;
    int barW = 380;
    int w = labelW + barW + 140;
    int h = bars.size() * rowH + 10;
    double max = 0;
    for (Bar b : bars) {
      max = Math.max(max, b.value().abs().doubleValue());
    }
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(w).append("\" height=\"")
        .append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\"><title>")
        .append(esc(title)).append("</title>");
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double len = max == 0 ? 0 : b.value().abs().doubleValue() / max * barW;
      int y = 5 + i * rowH;
      s.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + 17)
          .append("\" text-anchor=\"end\" font-size=\"13\">").append(esc(b.label())).append("</text>");
      s.append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 3).append("\" width=\"").append(f(len))
          .append("\" height=\"").append(rowH - 8).append("\" fill=\"")
          .append(b.value().signum() < 0 ? "#c53030" : color).append("\"/>");
      s.append("<text x=\"").append(f(labelW + len + 6)).append("\" y=\"").append(y + 17)
          .append("\" font-size=\"12\" fill=\"#333\">").append(esc(b.valueText())).append("</text>");
    }
    return s.append("</svg>").toString();
  }

  /**
   * A month of interval data: import above the axis, export below, over background bands showing the TOU period
   * of every interval.
   *
   * @param title the chart's accessible title
   * @param importKw average import kW per interval
   * @param exportKw average export kW per interval
   * @param period the TOU period of every interval, -1 where unknown
   * @param periodNames names of the periods
   * @param dayStarts interval indices where a local day starts, with their labels
   * @param dayLabels the labels of those days
   * @param estimated true for intervals that were estimated
   */
  static String profile(String title, double[] importKw, double[] exportKw, int[] period, List<String> periodNames,
      int[] dayStarts, String[] dayLabels, boolean[] estimated) {
    int n = importKw.length;
    int w = 1100;
    int plotH = 260;
    int top = 20;
    int left = 50;
    int plotW = w - left - 10;
    double max = 0.1;
    double maxExp = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, importKw[i]);
      maxExp = Math.max(maxExp, exportKw[i]);
    }
    double span = max + maxExp;
    double zeroY = top + plotH * (max / span);
    double dx = (double) plotW / n;
    String[] bandColors = {"#edf2f7", "#fefcbf", "#fed7d7", "#e9d8fd", "#c6f6d5"};
    StringBuilder s = new StringBuilder();
    int h = top + plotH + 60;
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(w).append("\" height=\"")
        .append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\"><title>")
        .append(esc(title)).append("</title>");
    // TOU bands: runs of equal period
    int i = 0;
    while (i < n) {
      int j = i;
      while (j < n && period[j] == period[i]) {
        j++;
      }
      if (period[i] >= 0) {
        s.append("<rect x=\"").append(f(left + i * dx)).append("\" y=\"").append(top).append("\" width=\"")
            .append(f((j - i) * dx)).append("\" height=\"").append(plotH).append("\" fill=\"")
            .append(bandColors[period[i] % bandColors.length]).append("\"/>");
      }
      i = j;
    }
    // import polyline (filled) and export
    s.append(area(importKw, left, dx, zeroY, (plotH * (max / span)) / max, -1, "#2b6cb0"));
    if (maxExp > 0) {
      s.append(area(exportKw, left, dx, zeroY, (plotH * (max / span)) / max, 1, "#38a169"));
    }
    for (int k = 0; k < n; k++) {
      if (estimated[k]) {
        s.append("<rect x=\"").append(f(left + k * dx)).append("\" y=\"").append(top).append("\" width=\"")
            .append(f(Math.max(dx, 2))).append("\" height=\"").append(plotH)
            .append("\" fill=\"#e53e3e\" opacity=\"0.6\"><title>estimated interval</title></rect>");
      }
    }
    s.append("<line x1=\"").append(left).append("\" x2=\"").append(left + plotW).append("\" y1=\"").append(f(zeroY))
        .append("\" y2=\"").append(f(zeroY)).append("\" stroke=\"#333\"/>");
    s.append("<text x=\"4\" y=\"").append(top + 10).append("\" font-size=\"11\">").append(f(max))
        .append(" kW</text>");
    for (int d = 0; d < dayStarts.length; d++) {
      double x = left + dayStarts[d] * dx;
      s.append("<line x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"").append(top + plotH)
          .append("\" y2=\"").append(top + plotH + 5).append("\" stroke=\"#333\"/>");
      if (d % 2 == 0) {
        s.append("<text x=\"").append(f(x + 2)).append("\" y=\"").append(top + plotH + 17)
            .append("\" font-size=\"10\">").append(esc(dayLabels[d])).append("</text>");
      }
    }
    int lx = left;
    for (int p = 0; p < periodNames.size(); p++) {
      s.append("<rect x=\"").append(lx).append("\" y=\"").append(top + plotH + 30)
          .append("\" width=\"14\" height=\"14\" stroke=\"#999\" fill=\"").append(bandColors[p % bandColors.length])
          .append("\"/><text x=\"").append(lx + 18).append("\" y=\"").append(top + plotH + 42)
          .append("\" font-size=\"12\">").append(esc(periodNames.get(p))).append("</text>");
      lx += 30 + 8 * periodNames.get(p).length();
    }
    s.append("<rect x=\"").append(lx).append("\" y=\"").append(top + plotH + 30)
        .append("\" width=\"14\" height=\"14\" fill=\"#2b6cb0\"/><text x=\"").append(lx + 18).append("\" y=\"")
        .append(top + plotH + 42).append("\" font-size=\"12\">import kW</text>");
    lx += 100;
    if (maxExp > 0) {
      s.append("<rect x=\"").append(lx).append("\" y=\"").append(top + plotH + 30)
          .append("\" width=\"14\" height=\"14\" fill=\"#38a169\"/><text x=\"").append(lx + 18).append("\" y=\"")
          .append(top + plotH + 42).append("\" font-size=\"12\">export kW</text>");
      lx += 100;
    }
    s.append("<rect x=\"").append(lx).append("\" y=\"").append(top + plotH + 30)
        .append("\" width=\"14\" height=\"14\" fill=\"#e53e3e\"/><text x=\"").append(lx + 18).append("\" y=\"")
        .append(top + plotH + 42).append("\" font-size=\"12\">estimated</text>");
    return s.append("</svg>").toString();
  }

  private static String area(double[] v, int left, double dx, double zeroY, double scale, int dir, String color) {
    StringBuilder p = new StringBuilder("<polygon fill=\"").append(color).append("\" fill-opacity=\"0.75\" points=\"");
    p.append(f(left)).append(',').append(f(zeroY)).append(' ');
    for (int i = 0; i < v.length; i++) {
      double y = zeroY + dir * v[i] * scale;
      p.append(f(left + i * dx)).append(',').append(f(y)).append(' ');
      p.append(f(left + (i + 1) * dx)).append(',').append(f(y)).append(' ');
    }
    p.append(f(left + v.length * dx)).append(',').append(f(zeroY));
    return p.append("\"/>").toString();
  }

  /** One named series of points (x in days, y in currency units) for a line chart. */
  static final class Line {
    private final String name;
    private final double[] x;
    private final double[] y;
    private final String color;
    private final boolean dashed;

    Line(String name, double[] x, double[] y, String color, boolean dashed) {
      this.name = name;
      this.x = x.clone();
      this.y = y.clone();
      this.color = color;
      this.dashed = dashed;
    }

    String name() {
      return name;
    }

    double[] x() {
      return x.clone();
    }

    double[] y() {
      return y.clone();
    }

    String color() {
      return color;
    }

    boolean dashed() {
      return dashed;
    }
  }

  /**
   * A line chart of money over the days of a cycle, for example bill-to-date against its projection.
   *
   * @param title the chart's accessible title
   * @param days the days in the cycle (the x axis runs 0 to days)
   * @param lines the series
   * @param unit the currency code for the axis label
   */
  static String lines(String title, int days, List<Line> lines, String unit) {
    int w = 760;
    int h = 300;
    int left = 70;
    int top = 15;
    int plotW = w - left - 20;
    int plotH = h - top - 70;
    double max = 1;
    for (Line l : lines) {
      for (double y : l.y()) {
        max = Math.max(max, y);
      }
    }
    max = 4 * niceStep(max * 1.02 / 4); // four gridlines at round values: 0, 400, 800, 1,200, 1,600
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(w).append("\" height=\"")
        .append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\"><title>")
        .append(esc(title)).append("</title>");
    s.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(plotW)
        .append("\" height=\"").append(plotH).append("\" fill=\"#fafafa\" stroke=\"#ccc\"/>");
    for (int g = 0; g <= 4; g++) {
      double v = max * g / 4;
      double y = top + plotH - plotH * g / 4.0;
      s.append("<text x=\"").append(left - 6).append("\" y=\"").append(f(y + 4))
          .append("\" font-size=\"11\" text-anchor=\"end\">").append(String.format(Locale.ROOT, "%,.0f", v))
          .append("</text>");
    }
    for (int d = 0; d <= days; d += 5) {
      double x = left + plotW * d / (double) days;
      s.append("<text x=\"").append(f(x)).append("\" y=\"").append(top + plotH + 15)
          .append("\" font-size=\"11\" text-anchor=\"middle\">day ").append(d).append("</text>");
    }
    s.append("<text x=\"").append(left).append("\" y=\"").append(top + plotH + 32).append("\" font-size=\"11\">")
        .append(esc(unit)).append("</text>");
    int lx = left;
    for (Line l : lines) {
      double[] xs = l.x();
      double[] ys = l.y();
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < xs.length; i++) {
        pts.append(f(left + plotW * xs[i] / days)).append(',').append(f(top + plotH - plotH * ys[i] / max))
            .append(' ');
      }
      s.append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(l.color()).append('"')
          .append(l.dashed() ? " stroke-dasharray=\"6,4\"" : "").append(" points=\"").append(pts).append("\"/>");
      for (int i = 0; i < xs.length; i++) {
        s.append("<circle r=\"3.5\" fill=\"").append(l.color()).append("\" cx=\"")
            .append(f(left + plotW * xs[i] / days)).append("\" cy=\"")
            .append(f(top + plotH - plotH * ys[i] / max)).append("\"/>");
      }
      s.append("<rect x=\"").append(lx).append("\" y=\"").append(h - 22).append("\" width=\"14\" height=\"4\" fill=\"")
          .append(l.color()).append("\"/><text x=\"").append(lx + 18).append("\" y=\"").append(h - 16)
          .append("\" font-size=\"12\">").append(esc(l.name())).append("</text>");
      lx += 40 + 7 * l.name().length();
    }
    return s.append("</svg>").toString();
  }
}
