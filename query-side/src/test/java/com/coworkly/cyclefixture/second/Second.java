package com.coworkly.cyclefixture.second;

import com.coworkly.cyclefixture.first.First;

/** The other half of the cycle: {@link First} uses this package and this class uses {@code first}. */
public class Second {

    First partner;
}
