package com.siali.label.search;

import java.util.BitSet;
import java.util.List;

/** How a search's words combine: an account matches when each word starts one of its terms. */
final class WordMatches {
  /**
   * The ids of the accounts with a term starting with one word, from memory or from the database.
   */
  @FunctionalInterface
  interface IdsStartingWith<E extends Exception> {
    BitSet of(String word) throws E;
  }

  private WordMatches() {}

  /**
   * The intersection of each word's ids; the narrowest word first, since an empty set ends the
   * reading.
   */
  static <E extends Exception> BitSet allOf(List<String> longestFirst, IdsStartingWith<E> ids)
      throws E {
    BitSet result = null;
    for (String word : longestFirst) {
      BitSet ofWord = ids.of(word);
      if (result == null) {
        result = ofWord;
      } else {
        result.and(ofWord);
      }
      if (result.isEmpty()) {
        break;
      }
    }
    return result;
  }
}
