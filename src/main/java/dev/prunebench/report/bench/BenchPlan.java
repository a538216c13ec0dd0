package dev.prunebench.report.bench;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The groups a preset runs: for every chosen benchmark class, every {@code @Benchmark} method the
 * preset keeps, times the cross product of its {@code @Param} values (the preset's override, else the
 * declared list, else every enum constant), with {@code backend} left to the group's backend list.
 */
public final class BenchPlan {
  private BenchPlan() {}

  /**
   * @param preset the preset (parameter overrides and kept methods)
   * @param classes benchmark classes, in report order
   * @param backends the chosen backends' JMH names
   */
  public static List<BenchGroup> groups(BenchPreset preset, List<String> classes, List<String> backends) {
    List<BenchGroup> out = new ArrayList<>();
    for (String c : classes) {
      out.addAll(groups(c, preset.paramsFor(c), preset.methodsFor(c), backends));
    }
    return out;
  }

  /**
   * The groups of one class with {@code overrides} ({@code backend} there replaces {@code backends}).
   *
   * @param methods the methods to keep; empty keeps every {@code @Benchmark} method
   */
  public static List<BenchGroup> groups(String benchmarkClass, Map<String, String[]> overrides,
      List<String> methods, List<String> backends) {
    Class<?> type = load(benchmarkClass);
    List<String> kept = Arrays.stream(type.getMethods()).filter(m -> m.isAnnotationPresent(Benchmark.class))
        .map(Method::getName).sorted().filter(m -> methods.isEmpty() || methods.contains(m)).toList();
    List<Field> fields = Arrays.stream(type.getFields()).filter(f -> f.isAnnotationPresent(Param.class))
        .sorted(Comparator.comparing(Field::getName)).toList();
    List<String> groupBackends = List.of(BenchGroup.NO_BACKEND);
    List<SortedMap<String, String>> combos = new ArrayList<>(List.of(new TreeMap<>()));
    for (Field f : fields) {
      List<String> values = values(f, overrides.get(f.getName()));
      if (f.getName().equals("backend")) {
        groupBackends = overrides.containsKey("backend") ? values : backends;
        continue;
      }
      List<SortedMap<String, String>> next = new ArrayList<>();
      for (SortedMap<String, String> c : combos) {
        for (String v : values) {
          SortedMap<String, String> m = new TreeMap<>(c);
          m.put(f.getName(), v);
          next.add(m);
        }
      }
      combos = next;
    }
    List<BenchGroup> out = new ArrayList<>();
    for (String m : kept) {
      for (SortedMap<String, String> c : combos) {
        out.add(new BenchGroup(benchmarkClass, m, c, groupBackends));
      }
    }
    return out;
  }

  private static List<String> values(Field f, String[] override) {
    if (override != null) {
      return List.of(override);
    }
    String[] declared = f.getAnnotation(Param.class).value();
    boolean all = declared.length == 0 || declared.length == 1 && declared[0].equals(Param.BLANK_ARGS);
    if (!all) {
      return List.of(declared);
    }
    Object[] constants = f.getType().getEnumConstants();
    if (constants == null) {
      throw new IllegalStateException(f + " declares no values and is not an enum");
    }
    return Arrays.stream(constants).map(e -> ((Enum<?>) e).name()).toList();
  }

  private static Class<?> load(String benchmarkClass) {
    try {
      return Class.forName("dev.prunebench.bench." + benchmarkClass);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no benchmark class " + benchmarkClass, e);
    }
  }
}
