package com.coworkly.cyclefixture.first;

import com.coworkly.cyclefixture.second.Second;

/** Half of a cycle between two packages, for the test that shows the package rules catch one. */
public class First {

    Second partner;
}
