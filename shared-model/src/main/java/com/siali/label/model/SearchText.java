package com.siali.label.model;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How people are found: text is folded (lower-case, accents removed, so "jose" finds "José") and
 * split into words; a search matches when each of its words starts one of the person's words.
 */
public final class SearchText {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
  public static final int MAX_TERM_LENGTH = 254;

  private SearchText() {}

  public static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
  }

  public static List<String> words(String text) {
    return Arrays.stream(SEPARATORS.split(fold(text)))
        .filter(w -> !w.isEmpty())
        .map(w -> w.length() > MAX_TERM_LENGTH ? w.substring(0, MAX_TERM_LENGTH) : w)
        .distinct()
        .toList();
  }

  /** The terms stored for a person: every word of their names and of their email. */
  public static Set<String> termsOf(String email, String firstName, String lastName) {
    Set<String> terms = new LinkedHashSet<>();
    terms.addAll(words(firstName));
    terms.addAll(words(lastName));
    terms.addAll(words(email));
    return terms;
  }

  /** The key the People list sorts by name on: the folded display name, then the email. */
  public static String sortName(String email, String firstName, String lastName) {
    String name = fold((firstName + " " + lastName).strip());
    String key = name.isEmpty() ? email : name + " " + email;
    return key.length() > 600 ? key.substring(0, 600) : key;
  }
}
