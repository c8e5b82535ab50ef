package com.siali.label.model;

/** The orders the People list offers; each is backed by an index. */
public enum UserSort {
  NAME,
  EMAIL,
  LAST_ACTIVITY,
  DATE_JOINED
}
