package io.github.gridbill.formats;

import io.github.gridbill.core.DataFormatException;
import io.github.gridbill.core.ValidationException;
import io.github.gridbill.core.time.IntervalGrid;
import io.github.gridbill.core.time.IntervalLength;
import io.github.gridbill.formats.EspiScanner.BlockBuffer;
import io.github.gridbill.formats.EspiScanner.EntryHead;
import io.github.gridbill.formats.EspiScanner.XNode;
import io.github.gridbill.rating.IntervalSeries;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Pass one of the Green Button reader: indexes the feed's entries and summarises every group of IntervalBlocks (count,
 * span, durations, overlaps, extreme values) without keeping readings; then resolves links and decides, per usage
 * point, what can be converted. Memory grows with the number of entries other than blocks and of block groups, not with
 * the number of readings.
 */
final class EspiFeedIndex implements EspiScanner.Handler {

  static final int UOM_WH = 72;
  static final int FLOW_FORWARD = 1;
  static final int FLOW_NET = 4;
  static final int FLOW_REVERSE = 19;
  static final int ACC_DELTA = 4;

  /** A frozen copy of an entry head. */
  static final class Head {
    final int index;
    final int line;
    final @Nullable String id;
    final @Nullable String title;
    final @Nullable String self;
    final @Nullable String up;
    final List<String> related;

    Head(EntryHead h) {
      index = h.index;
      line = h.line;
      id = h.id;
      title = h.title;
      self = h.self;
      up = h.up;
      related = List.copyOf(h.related);
    }

    String where() {
      return "entry " + index + " (line " + line + ")";
    }

    String name() {
      return self != null ? self : id != null ? id : "entry " + index;
    }
  }

  static final class UsagePointInfo {
    final Head head;
    final @Nullable Integer serviceKind;
    final List<MeterReadingInfo> readings = new ArrayList<>();
    final List<Head> others = new ArrayList<>();
    final List<String> otherKinds = new ArrayList<>();

    UsagePointInfo(Head head, @Nullable Integer serviceKind) {
      this.head = head;
      this.serviceKind = serviceKind;
    }
  }

  static final class MeterReadingInfo {
    final Head head;
    @Nullable Map<String, Long> readingType;
    final List<GroupStats> groups = new ArrayList<>();

    MeterReadingInfo(Head head, @Nullable Map<String, Long> embedded) {
      this.head = head;
      this.readingType = embedded;
    }
  }

  /** Summary of the readings of the blocks sharing one group key. */
  static final class GroupStats {
    final String key;
    final @Nullable String firstBlockSelf;
    final int firstLine;
    long count;
    long minStart = Long.MAX_VALUE;
    long maxEnd = Long.MIN_VALUE;
    long blockMinStart = Long.MAX_VALUE;
    long blockMaxEnd = Long.MIN_VALUE;
    long firstStart = Long.MIN_VALUE;
    long firstDuration;
    final Set<Long> durations = new LinkedHashSet<>();
    long minDuration = Long.MAX_VALUE;
    long maxDuration = Long.MIN_VALUE;
    int misalignedLine = -1;
    final RunSet runs = new RunSet();
    int overlapLine = -1;
    long minValue = Long.MAX_VALUE;
    int minValueLine;
    long maxValue = Long.MIN_VALUE;
    int maxValueLine;
    long costCount;
    long costSum;
    final Map<Integer, Long> quality = new TreeMap<>();
    @Nullable MeterReadingInfo owner;

    GroupStats(String key, @Nullable String firstBlockSelf, int firstLine) {
      this.key = key;
      this.firstBlockSelf = firstBlockSelf;
      this.firstLine = firstLine;
    }

    void add(long start, long duration, long value, int line, int quality, boolean hasCost, long cost) {
      count++;
      long end = start + duration;
      minStart = Math.min(minStart, start);
      maxEnd = Math.max(maxEnd, end);
      if (firstStart == Long.MIN_VALUE) {
        firstStart = start;
        firstDuration = duration;
      } else if (duration == firstDuration && Math.floorMod(start - firstStart, duration) != 0 && misalignedLine < 0) {
        misalignedLine = line;
      }
      if (durations.size() < 64) {
        durations.add(duration);
      }
      minDuration = Math.min(minDuration, duration);
      maxDuration = Math.max(maxDuration, duration);
      if (overlapLine < 0 && !runs.add(start, end)) {
        overlapLine = line;
      }
      if (value < minValue) {
        minValue = value;
        minValueLine = line;
      }
      if (value > maxValue) {
        maxValue = value;
        maxValueLine = line;
      }
      if (hasCost) {
        costCount++;
        costSum += cost;
      }
      if (quality >= 0) {
        this.quality.merge(quality, 1L, Long::sum);
      }
    }

    boolean regular() {
      return durations.size() == 1;
    }
  }

  /** A channel chosen for conversion. */
  static final class Channel {
    final MeterReadingInfo reading;
    final ChannelRole role;
    final int powerOfTen;

    Channel(MeterReadingInfo reading, ChannelRole role, int powerOfTen) {
      this.reading = reading;
      this.role = role;
      this.powerOfTen = powerOfTen;
    }
  }

  enum ChannelRole {
    IMPORT,
    EXPORT,
    NET
  }

  /** How pass two fills one usage point's series. */
  static final class Plan {
    final UsagePointInfo usagePoint;
    final IntervalGrid grid;
    final List<Channel> channels;
    final long expected;
    final List<NotCarried> notCarried;
    final List<Assumption> assumptions;
    final @Nullable LocalTimeParameters localTime;
    long remaining;
    long @Nullable [] imports;
    long @Nullable [] exports;
    byte @Nullable [] importQuality;
    byte @Nullable [] exportQuality;
    byte @Nullable [] importMethod;
    byte @Nullable [] exportMethod;

    Plan(UsagePointInfo usagePoint, IntervalGrid grid, List<Channel> channels, long expected,
        List<NotCarried> notCarried, List<Assumption> assumptions, @Nullable LocalTimeParameters localTime) {
      this.usagePoint = usagePoint;
      this.grid = grid;
      this.channels = channels;
      this.expected = expected;
      this.remaining = expected;
      this.notCarried = notCarried;
      this.assumptions = assumptions;
      this.localTime = localTime;
    }

    boolean hasExportChannel() {
      return channels.stream().anyMatch(c -> c.role != ChannelRole.IMPORT);
    }
  }

  /** Where a group's readings go in pass two. */
  static final class Target {
    final Plan plan;
    final Channel channel;

    Target(Plan plan, Channel channel) {
      this.plan = plan;
      this.channel = channel;
    }
  }

  private final String source;
  private final RoundingMode rounding;
  final List<UsagePointInfo> usagePoints = new ArrayList<>();
  final List<MeterReadingInfo> meterReadings = new ArrayList<>();
  final Map<String, Map<String, Long>> readingTypes = new LinkedHashMap<>();
  final Map<String, LocalTimeParameters> localTimes = new LinkedHashMap<>();
  final List<Head> others = new ArrayList<>();
  final List<String> otherKinds = new ArrayList<>();
  final Map<String, GroupStats> groups = new LinkedHashMap<>();
  private final Map<String, Head> readingTypeHeads = new HashMap<>();

  EspiFeedIndex(String source, RoundingMode rounding) {
    this.source = source;
    this.rounding = rounding;
  }

  static String groupKey(EntryHead h) {
    if (h.up != null) {
      return h.up;
    }
    if (h.self != null) {
      int slash = h.self.lastIndexOf('/');
      return slash > 0 ? h.self.substring(0, slash) : h.self;
    }
    return "#entry-" + h.index;
  }

  @Override
  public void entry(EntryHead h, @Nullable XNode content) {
    Head head = new Head(h);
    if (content == null) {
      others.add(head);
      otherKinds.add("entry without content");
      return;
    }
    switch (content.name) {
      case "UsagePoint": {
        XNode sc = content.child("ServiceCategory");
        XNode kind = sc == null ? null : sc.child("kind");
        usagePoints.add(new UsagePointInfo(head, kind == null ? null : (int) longOf(kind, "ServiceCategory/kind")));
        break;
      }
      case "MeterReading": {
        XNode rt = content.child("ReadingType");
        meterReadings.add(new MeterReadingInfo(head, rt == null ? null : fields(rt)));
        break;
      }
      case "ReadingType":
        readingTypes.put(head.name(), fields(content));
        readingTypeHeads.put(head.name(), head);
        break;
      case "LocalTimeParameters":
        localTimes.put(head.name(), localTime(content));
        break;
      default:
        others.add(head);
        otherKinds.add(content.name);
    }
  }

  @Override
  public void block(EntryHead h, BlockBuffer b) {
    String key = groupKey(h);
    GroupStats g = groups.computeIfAbsent(key, k -> new GroupStats(k, h.self, b.blockLine));
    if (b.intervalStart != Long.MIN_VALUE && b.intervalDuration > 0) {
      g.blockMinStart = Math.min(g.blockMinStart, b.intervalStart);
      g.blockMaxEnd = Math.max(g.blockMaxEnd, b.intervalStart + b.intervalDuration);
    }
    for (int i = 0; i < b.size; i++) {
      g.add(b.start[i], b.duration[i], b.value[i], b.line[i], b.quality[i], b.hasCost[i], b.cost[i]);
    }
  }

  private Map<String, Long> fields(XNode n) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (XNode c : n.children) {
      if (c.children.isEmpty() && !c.text().isEmpty()) {
        try {
          m.put(c.name, Long.parseLong(c.text()));
        } catch (NumberFormatException e) {
          // a non-numeric ReadingType field (none of those GridBill reads): left out
        }
      }
    }
    return m;
  }

  private LocalTimeParameters localTime(XNode n) {
    XNode tz = n.child("tzOffset");
    XNode dst = n.child("dstOffset");
    XNode start = n.child("dstStartRule");
    XNode end = n.child("dstEndRule");
    return LocalTimeParameters.builder()
        .tzOffsetSeconds(tz == null ? 0 : (int) longOf(tz, "LocalTimeParameters/tzOffset"))
        .dstOffsetSeconds(dst == null ? 0 : (int) longOf(dst, "LocalTimeParameters/dstOffset"))
        .dstStartRule(start == null ? 0 : hexOf(start, "LocalTimeParameters/dstStartRule"))
        .dstEndRule(end == null ? 0 : hexOf(end, "LocalTimeParameters/dstEndRule"))
        .build();
  }

  private long longOf(XNode n, String field) {
    try {
      return Long.parseLong(n.text());
    } catch (NumberFormatException e) {
      throw new DataFormatException(source, "line " + n.line, field, "\"" + n.text() + "\"", "must be a whole number",
          e);
    }
  }

  private long hexOf(XNode n, String field) {
    try {
      return Long.parseLong(n.text(), 16);
    } catch (NumberFormatException e) {
      throw new DataFormatException(source, "line " + n.line, field, "\"" + n.text() + "\"",
          "must be a hexadecimal rule word", e);
    }
  }

  // ------------------------------------------------------------------ resolution

  /** Results of resolution: plans by group key, results that need no data, and feed-level notes. */
  final Map<String, Target> targets = new HashMap<>();
  final List<Plan> plans = new ArrayList<>();
  final List<UsagePointResult> immediate = new ArrayList<>();
  final List<NotCarried> feedNotCarried = new ArrayList<>();

  void resolve() {
    linkGroups();
    linkReadings();
    linkOthers();
    for (Map.Entry<String, Map<String, Long>> rt : readingTypes.entrySet()) {
      boolean used = meterReadings.stream().anyMatch(m -> m.head.related.contains(rt.getKey()));
      @SuppressWarnings("ReferenceEquality") // the same map object marks the reading type a meter reading resolved to
      boolean linked = meterReadings.stream().anyMatch(m -> m.readingType == rt.getValue());
      if (!used && !linked) {
        Head h = readingTypeHeads.get(rt.getKey());
        feedNotCarried.add(NotCarried.of(h == null ? rt.getKey() : h.where(), "ReadingType " + rt.getKey(),
            "no MeterReading links to it"));
      }
    }
    for (UsagePointInfo up : usagePoints) {
      decide(up);
    }
  }

  private void linkGroups() {
    for (GroupStats g : groups.values()) {
      MeterReadingInfo owner = null;
      for (MeterReadingInfo m : meterReadings) {
        if (m.head.related.contains(g.key) || (g.firstBlockSelf != null && m.head.related.contains(g.firstBlockSelf))
            || (m.head.self != null && g.key.startsWith(m.head.self + "/"))) {
          owner = m;
          break;
        }
      }
      if (owner == null && meterReadings.size() == 1) {
        owner = meterReadings.get(0);
      }
      if (owner == null) {
        feedNotCarried.add(NotCarried.of("IntervalBlocks " + g.key + " (from line " + g.firstLine + ")",
            g.count + " IntervalReadings", "linked to no MeterReading"));
        continue;
      }
      g.owner = owner;
      owner.groups.add(g);
    }
  }

  private void linkReadings() {
    for (MeterReadingInfo m : meterReadings) {
      if (m.readingType == null) {
        for (String r : m.head.related) {
          Map<String, Long> rt = readingTypes.get(r);
          if (rt != null) {
            m.readingType = rt;
            break;
          }
        }
      }
      UsagePointInfo owner = null;
      for (UsagePointInfo up : usagePoints) {
        if ((m.head.self != null && up.head.related.contains(m.head.self))
            || (m.head.up != null && up.head.related.contains(m.head.up))
            || (m.head.self != null && up.head.self != null && m.head.self.startsWith(up.head.self + "/"))) {
          owner = up;
          break;
        }
      }
      if (owner == null && usagePoints.size() == 1) {
        owner = usagePoints.get(0);
      }
      if (owner == null) {
        feedNotCarried.add(NotCarried.of(m.head.where(), "MeterReading " + m.head.name(),
            "linked to no UsagePoint"));
      } else {
        owner.readings.add(m);
      }
    }
  }

  private void linkOthers() {
    for (int i = 0; i < others.size(); i++) {
      Head o = others.get(i);
      UsagePointInfo owner = null;
      for (UsagePointInfo up : usagePoints) {
        String s = up.head.self;
        if ((o.self != null && up.head.related.contains(o.self)) || (o.up != null && up.head.related.contains(o.up))
            || (s != null && ((o.self != null && o.self.startsWith(s + "/")) || (o.up != null
                && o.up.startsWith(s + "/"))))) {
          owner = up;
          break;
        }
      }
      if (owner == null && usagePoints.size() == 1) {
        owner = usagePoints.get(0);
      }
      if (owner == null) {
        feedNotCarried.add(NotCarried.of(o.where(), otherKinds.get(i) + " " + o.name(), "linked to no UsagePoint"));
      } else {
        owner.others.add(o);
        owner.otherKinds.add(otherKinds.get(i));
      }
    }
  }

  private void decide(UsagePointInfo up) {
    List<NotCarried> notes = new ArrayList<>();
    List<Assumption> assumptions = new ArrayList<>();
    List<Unconvertible> reasons = new ArrayList<>();
    LocalTimeParameters ltp = null;
    for (String r : up.head.related) {
      if (localTimes.containsKey(r)) {
        ltp = localTimes.get(r);
        break;
      }
    }
    if (ltp == null && localTimes.size() == 1) {
      ltp = localTimes.values().iterator().next();
      assumptions.add(Assumption.of(up.head.where(), "no LocalTimeParameters link",
          "the feed's only LocalTimeParameters"));
    }
    for (int i = 0; i < up.others.size(); i++) {
      Head o = up.others.get(i);
      notes.add(NotCarried.of(o.where(), up.otherKinds.get(i) + " " + o.name(),
          "a summary, not interval data: GridBill computes bills from the readings"));
    }
    if (up.serviceKind != null && up.serviceKind != 0) {
      reasons.add(Unconvertible.of(UnconvertibleReason.NOT_ELECTRICITY,
          "ServiceCategory kind " + up.serviceKind + " (" + serviceName(up.serviceKind) + ")"));
    }
    List<Channel> imports = new ArrayList<>();
    List<Channel> exports = new ArrayList<>();
    List<Channel> nets = new ArrayList<>();
    List<String> notEnergy = new ArrayList<>();
    for (MeterReadingInfo m : up.readings) {
      String mName = "MeterReading " + m.head.name();
      Map<String, Long> rt = m.readingType;
      if (rt == null) {
        reasons.add(Unconvertible.of(UnconvertibleReason.NO_READING_TYPE, mName + " links to no ReadingType"));
        continue;
      }
      long count = m.groups.stream().mapToLong(g -> g.count).sum();
      boolean shapeOk = shapeReasons(m, mName, reasons, count);
      Long uom = rt.get("uom");
      if (uom == null || uom != UOM_WH) {
        String what = mName + " in uom " + uom + " (" + uomName(uom) + ") x10^"
            + rt.getOrDefault("powerOfTenMultiplier", 0L);
        notEnergy.add(what);
        notes.add(NotCarried.of(m.head.where(), what + ", " + count + " readings", "not energy in Wh"));
        continue;
      }
      Long acc = rt.get("accumulationBehaviour");
      if (acc != null && acc != ACC_DELTA && acc != 0) {
        reasons.add(Unconvertible.of(UnconvertibleReason.NOT_DELTA_DATA, mName + " has accumulationBehaviour " + acc
            + " (register values, not energy per interval)"));
        notes.add(NotCarried.of(m.head.where(), mName + " accumulationBehaviour " + acc, "register values"));
        continue;
      }
      if (!shapeOk) {
        continue;
      }
      Long flow = rt.get("flowDirection");
      int p = (int) (long) rt.getOrDefault("powerOfTenMultiplier", 0L);
      if (flow == null || flow == 0) {
        assumptions.add(Assumption.of(m.head.where(), mName + " has no flowDirection", "delivered (import)"));
        imports.add(new Channel(m, ChannelRole.IMPORT, p));
      } else if (flow == FLOW_FORWARD) {
        imports.add(new Channel(m, ChannelRole.IMPORT, p));
      } else if (flow == FLOW_REVERSE) {
        exports.add(new Channel(m, ChannelRole.EXPORT, p));
      } else if (flow == FLOW_NET) {
        nets.add(new Channel(m, ChannelRole.NET, p));
      } else {
        notes.add(NotCarried.of(m.head.where(), mName + " flowDirection " + flow,
            "only delivered (1), received (19) and net (4) energy is carried"));
      }
    }
    List<Channel> chosen = new ArrayList<>();
    pick(imports, chosen, notes);
    pick(exports, chosen, notes);
    if (chosen.isEmpty()) {
      pick(nets, chosen, notes);
    } else {
      for (Channel c : nets) {
        notes.add(NotCarried.of(c.reading.head.where(), "net MeterReading " + c.reading.head.name(),
            "delivered/received readings are used instead"));
      }
    }
    if (chosen.isEmpty()) {
      if (!notEnergy.isEmpty()) {
        reasons.add(Unconvertible.of(UnconvertibleReason.NO_ENERGY_READINGS, String.join("; ", notEnergy)));
      } else if (up.readings.isEmpty()) {
        reasons.add(Unconvertible.of(UnconvertibleReason.NO_ENERGY_READINGS, "no MeterReading"));
      } else if (reasons.isEmpty()) {
        reasons.add(Unconvertible.of(UnconvertibleReason.NO_ENERGY_READINGS, "no usable MeterReading"));
      }
    }
    boolean notElectricity = up.serviceKind != null && up.serviceKind != 0;
    if (chosen.isEmpty() || notElectricity) {
      immediate.add(result(up, null, dedupe(reasons), ltp, notes, assumptions));
      return;
    }
    // the usable channels decide; reasons met on other channels become notes
    for (Unconvertible r : reasons) {
      notes.add(NotCarried.of(up.head.where(), r.toString(), "channel not used"));
    }
    long len = chosen.get(0).reading.groups.get(0).firstDuration;
    for (Channel c : chosen) {
      long l = c.reading.groups.get(0).firstDuration;
      if (l != len) {
        immediate.add(result(up, null, List.of(Unconvertible.of(UnconvertibleReason.MIXED_INTERVAL_LENGTHS,
            "channels of " + len + " s and " + l + " s")), ltp, notes, assumptions));
        return;
      }
    }
    IntervalLength length = IntervalLength.of(Duration.ofSeconds(len));
    long anchor = chosen.get(0).reading.groups.get(0).firstStart;
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    long expected = 0;
    for (Channel c : chosen) {
      for (GroupStats g : c.reading.groups) {
        if (Math.floorMod(g.firstStart - anchor, len) != 0) {
          immediate.add(result(up, null, List.of(Unconvertible.of(UnconvertibleReason.MISALIGNED_READINGS,
              "readings of " + c.reading.head.name() + " start off the grid of the first channel")), ltp, notes,
              assumptions));
          return;
        }
        start = Math.min(start, g.minStart);
        end = Math.max(end, g.maxEnd);
        if (g.blockMinStart != Long.MAX_VALUE && Math.floorMod(g.blockMinStart - anchor, len) == 0) {
          start = Math.min(start, g.blockMinStart);
        }
        if (g.blockMaxEnd != Long.MIN_VALUE && Math.floorMod(g.blockMaxEnd - anchor, len) == 0) {
          end = Math.max(end, g.blockMaxEnd);
        }
        expected += g.count;
        checkData(c, g);
        if (g.costCount > 0) {
          notes.add(NotCarried.of("IntervalBlocks " + g.key, "IntervalReading/cost on " + g.costCount
              + " readings (sum " + g.costSum + " hundred-thousandths of the currency)",
              "the data custodian's prices: GridBill prices readings with the tariff"));
        }
        StringBuilder odd = new StringBuilder();
        for (Map.Entry<Integer, Long> q : g.quality.entrySet()) {
          if (!EspiQuality.isExact(q.getKey())) {
            odd.append(odd.length() == 0 ? "" : ", ").append(q.getKey()).append(" (").append(EspiQuality.name(
                q.getKey())).append(") x").append(q.getValue());
          }
        }
        if (odd.length() > 0) {
          notes.add(NotCarried.of("IntervalBlocks " + g.key, "ReadingQuality codes " + odd,
              "mapped to the nearest GridBill ReadingQuality; the ESPI code itself is not kept"));
        }
      }
    }
    long n = (end - start) / len;
    if (n > IntervalSeries.MAX_INTERVALS) {
      throw new DataFormatException(source, up.head.where(), "IntervalReading/timePeriod", n + " intervals",
          "must span at most " + IntervalSeries.MAX_INTERVALS + " intervals");
    }
    IntervalGrid grid = IntervalGrid.of(Instant.ofEpochSecond(start), length, (int) n);
    Plan plan = new Plan(up, grid, List.copyOf(chosen), expected, notes, assumptions, ltp);
    plans.add(plan);
    for (Channel c : chosen) {
      for (GroupStats g : c.reading.groups) {
        targets.put(g.key, new Target(plan, c));
      }
    }
    if (expected == 0) {
      throw new IllegalStateException("a chosen channel has readings");
    }
  }

  /** Adds the data-shape reasons of a reading; true if its readings can form a series. */
  private boolean shapeReasons(MeterReadingInfo m, String mName, List<Unconvertible> reasons, long count) {
    if (count == 0) {
      reasons.add(Unconvertible.of(UnconvertibleReason.NO_READINGS, mName + " has no IntervalReadings"));
      return false;
    }
    Set<Long> durations = new LinkedHashSet<>();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    int misaligned = -1;
    for (GroupStats g : m.groups) {
      durations.addAll(g.durations);
      min = Math.min(min, g.minDuration);
      max = Math.max(max, g.maxDuration);
      if (g.misalignedLine >= 0 && misaligned < 0) {
        misaligned = g.misalignedLine;
      }
    }
    if (durations.size() > 1) {
      reasons.add(Unconvertible.of(UnconvertibleReason.IRREGULAR_INTERVALS, mName + ": " + count + " readings with "
          + durations.size() + " durations from " + min + " s to " + max + " s"));
      return false;
    }
    long d = durations.iterator().next();
    try {
      IntervalLength.of(Duration.ofSeconds(d));
    } catch (ValidationException e) {
      reasons.add(Unconvertible.of(UnconvertibleReason.UNSUPPORTED_INTERVAL_LENGTH, mName + ": " + count
          + " readings of " + d + " s (GridBill intervals are 1, 5, 10, 15, 30 or 60 minutes)"));
      return false;
    }
    if (misaligned >= 0) {
      reasons.add(Unconvertible.of(UnconvertibleReason.MISALIGNED_READINGS, mName + ": the reading at line "
          + misaligned + " starts off the " + d + " s grid of the first reading"));
      return false;
    }
    return true;
  }

  private void checkData(Channel c, GroupStats g) {
    if (g.overlapLine >= 0) {
      throw new DataFormatException(source, "line " + g.overlapLine, "IntervalReading/timePeriod", null,
          "must not overlap another reading of " + c.reading.head.name());
    }
    if (c.role != ChannelRole.NET && g.minValue < 0) {
      throw new DataFormatException(source, "line " + g.minValueLine, "IntervalReading/value", g.minValue,
          "must not be negative for " + (c.role == ChannelRole.IMPORT ? "delivered" : "received") + " energy");
    }
    long maxPerInterval = IntervalSeries.DEFAULT_MAX_DEMAND.milliwatts() * g.firstDuration / 3600;
    long worst = Math.max(Math.abs(g.maxValue), g.minValue == Long.MIN_VALUE ? 0 : Math.abs(g.minValue));
    int worstLine = Math.abs(g.maxValue) >= Math.abs(g.minValue) ? g.maxValueLine : g.minValueLine;
    BigDecimal mwh = toMilliwattHoursExact(worst, c.powerOfTen);
    if (mwh.compareTo(BigDecimal.valueOf(maxPerInterval)) > 0) {
      throw new DataFormatException(source, "line " + worstLine, "IntervalReading/value", worst + " x10^"
          + c.powerOfTen + " Wh", "must not exceed the sane maximum of " + IntervalSeries.DEFAULT_MAX_DEMAND
          + " over the interval");
    }
  }

  static BigDecimal toMilliwattHoursExact(long value, int powerOfTen) {
    return BigDecimal.valueOf(value).scaleByPowerOfTen(powerOfTen + 3);
  }

  long toMilliwattHours(long value, int powerOfTen) {
    int shift = powerOfTen + 3;
    if (shift >= 0 && shift < 19) {
      return Math.multiplyExact(value, LONG_POW10[shift]);
    }
    return toMilliwattHoursExact(value, powerOfTen).setScale(0, rounding).longValueExact();
  }

  private static final long[] LONG_POW10 = new long[19];

  static {
    long p = 1;
    for (int i = 0; i < 19; i++) {
      LONG_POW10[i] = p;
      p *= 10;
    }
  }

  private static void pick(List<Channel> candidates, List<Channel> chosen, List<NotCarried> notes) {
    if (candidates.isEmpty()) {
      return;
    }
    Channel best = candidates.get(0);
    for (Channel c : candidates) {
      if (c.reading.groups.get(0).firstDuration < best.reading.groups.get(0).firstDuration) {
        best = c;
      }
    }
    chosen.add(best);
    for (Channel c : candidates) {
      if (c != best) {
        notes.add(NotCarried.of(c.reading.head.where(), c.role + " MeterReading " + c.reading.head.name() + " ("
            + c.reading.groups.get(0).firstDuration + " s)", "a finer or earlier " + c.role
            + " MeterReading is used"));
      }
    }
  }

  private static List<Unconvertible> dedupe(List<Unconvertible> reasons) {
    List<Unconvertible> out = new ArrayList<>();
    for (Unconvertible r : reasons) {
      if (!out.contains(r)) {
        out.add(r);
      }
    }
    out.sort((a, b) -> a.reason().compareTo(b.reason()));
    return out;
  }

  static UsagePointResult result(UsagePointInfo up, @Nullable IntervalSeries series, List<Unconvertible> reasons,
      @Nullable LocalTimeParameters ltp, List<NotCarried> notes, List<Assumption> assumptions) {
    UsagePointResult.Builder b = UsagePointResult.builder().usagePoint(up.head.name()).reasons(reasons)
        .notCarried(notes).assumptions(assumptions);
    if (up.head.title != null && !up.head.title.isEmpty()) {
      b.title(up.head.title);
    }
    if (series != null) {
      b.series(series);
    }
    if (ltp != null) {
      b.localTime(ltp);
    }
    return b.build();
  }

  static String serviceName(int kind) {
    switch (kind) {
      case 0:
        return "electricity";
      case 1:
        return "gas";
      case 2:
        return "water";
      case 3:
        return "time";
      case 4:
        return "heat";
      case 5:
        return "refuse";
      case 6:
        return "sewerage";
      case 7:
        return "rates";
      case 8:
        return "tv licence";
      case 9:
        return "internet";
      default:
        return "unknown";
    }
  }

  static String uomName(@Nullable Long uom) {
    if (uom == null) {
      return "absent";
    }
    switch (uom.intValue()) {
      case 72:
        return "Wh";
      case 38:
        return "W";
      case 63:
        return "VAr";
      case 73:
        return "VArh";
      case 61:
        return "VA";
      case 71:
        return "VAh";
      case 42:
        return "m3";
      case 119:
        return "ft3";
      case 169:
        return "therm";
      case 132:
        return "Btu";
      default:
        return "code " + uom;
    }
  }
}
