package com.siali.label.server.view;

import com.siali.label.model.Page;
import com.siali.label.model.User;
import com.siali.label.model.UserStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code people.jte}: one page of People and the "+ Add People" card.
 *
 * @param search the search words as used (stripped and shortened), or empty
 * @param pageNumber counted from 1
 * @param sort the order as in the URL: {@code name}, {@code last_activity} or {@code date_joined},
 *     with a leading {@code -} for descending
 * @param status which accounts are listed
 * @param owner whether the viewer is the owner (the CSV export is theirs)
 * @param deleted the name of the person just deleted, or empty
 * @param now the moment "last activity" is counted back from
 * @param linkReset true right after Reset Link, to say that the old link stopped working
 */
public record PeoplePageModel(
    Page<User> people,
    String search,
    int pageNumber,
    String sort,
    UserStatus status,
    boolean owner,
    String deleted,
    Instant now,
    String inviteLink,
    boolean linkReset)
    implements PageModel {
  @Override
  public String template() {
    return "people.jte";
  }

  /** This list with another order, filter or page: plain links, so no JavaScript is needed. */
  public String link(String sortKey, UserStatus shown, int pageNo) {
    StringBuilder url = new StringBuilder("/people/?");
    if (!search.isEmpty()) {
      url.append("q=").append(URLEncoder.encode(search, StandardCharsets.UTF_8)).append('&');
    }
    if (!sortKey.equals("name")) {
      url.append("sort=").append(sortKey).append('&');
    }
    if (shown != UserStatus.ALL) {
      url.append("status=").append(shown.name().toLowerCase(Locale.ROOT)).append('&');
    }
    if (pageNo > 1) {
      url.append("page=").append(pageNo).append('&');
    }
    return url.substring(0, url.length() - 1);
  }

  /** The link a column header carries: its order, reversed when it is the current one. */
  public String sortLink(String column) {
    return link(sort.equals(column) ? "-" + column : column, status, 1);
  }

  /** {@code aria-sort} of a column header. */
  public String ariaSort(String column) {
    if (sort.equals(column)) {
      return "ascending";
    }
    return sort.equals("-" + column) ? "descending" : "none";
  }

  /** The arrow after a column's title. */
  public String arrow(String column) {
    return switch (ariaSort(column)) {
      case "ascending" -> " ↑";
      case "descending" -> " ↓";
      default -> "";
    };
  }

  public String statusName() {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
