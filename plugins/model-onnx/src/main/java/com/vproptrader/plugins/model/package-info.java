/** The ONNX model plugin: a {@code ModelScorer} over one ONNX Runtime session and its feature schema. */
package com.vproptrader.plugins.model;
