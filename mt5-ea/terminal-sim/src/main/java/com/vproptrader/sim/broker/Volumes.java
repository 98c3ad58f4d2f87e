package com.vproptrader.sim.broker;

import com.vproptrader.proto.SymbolSpec;

/** Volume rounding and validation against VOLUME_MIN / VOLUME_STEP / VOLUME_MAX. */
final class Volumes {
    private Volumes() {
    }

    /** Lots on the step (within floating-point noise) and inside min..max, rounded clean; NaN when invalid. */
    static double normalize(SymbolSpec spec, double lots) {
        if (!(lots > 0)) {
            return Double.NaN;
        }
        double steps = lots / spec.getVolumeStep();
        if (Math.abs(steps - Math.rint(steps)) > 1e-6) {
            return Double.NaN;
        }
        double v = round(Math.rint(steps) * spec.getVolumeStep());
        return v >= spec.getVolumeMin() - 1e-9 && v <= spec.getVolumeMax() + 1e-9 ? v : Double.NaN;
    }

    static boolean valid(SymbolSpec spec, double lots) {
        return !Double.isNaN(normalize(spec, lots));
    }

    /** Removes floating-point noise from a sum or difference of lots (steps are never finer than 1e-8). */
    static double round(double lots) {
        return Math.round(lots * 1e8) / 1e8;
    }
}
