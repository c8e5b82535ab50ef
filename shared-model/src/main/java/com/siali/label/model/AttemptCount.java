package com.siali.label.model;

import java.time.Instant;

/**
 * What a throttle has counted for one key: an amount (failures, or a token bucket's fill) and when
 * it last changed.
 */
public record AttemptCount(double amount, Instant at) {}
