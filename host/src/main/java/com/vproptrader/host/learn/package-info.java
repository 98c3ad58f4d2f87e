/**
 * The learning loop: labelled entries in, verified ONNX models out. Trainers (a random forest for
 * "TP1 before SL", gradient-boosted regression trees as the meta-learner, both grown on histograms of
 * pre-binned features), walk-forward splits with a
 * purge gap so nothing trained on can see a label that was not yet known, ONNX export of the trees as
 * {@code ai.onnx.ml} tree-ensemble nodes, and the check that ONNX Runtime answers what the Java model answers
 * before a version is registered.
 */
package com.vproptrader.host.learn;
