package com.siali.label.persistence;

/**
 * One committed change: its place in the change log, its kind, and the account (or other subject)
 * it is about. A follower reads a kind it does not know (written by a newer version) as a null kind
 * and resynchronises instead of delivering it.
 */
public record Change(long sequence, ChangeKind kind, long subjectId) {}
