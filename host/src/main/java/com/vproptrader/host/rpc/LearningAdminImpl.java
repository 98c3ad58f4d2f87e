package com.vproptrader.host.rpc;

import com.vproptrader.host.learn.LearningDesk;
import com.vproptrader.proto.CommandResult;
import com.vproptrader.proto.Learning;
import com.vproptrader.proto.LearningAdminGrpc;
import com.vproptrader.proto.LearningRequest;
import com.vproptrader.proto.ModelCommand;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/**
 * The learning loop's operator service. GetLearning only reads; each command answers ok with what it did,
 * or not ok with the reason nothing changed (no candidate of that id, nothing to roll back to, ...).
 */
public final class LearningAdminImpl extends LearningAdminGrpc.LearningAdminImplBase {
    private final LearningDesk desk;

    public LearningAdminImpl(LearningDesk desk) {
        this.desk = desk;
    }

    @Override
    public void getLearning(LearningRequest request, StreamObserver<Learning> out) {
        out.onNext(desk.view());
        out.onCompleted();
    }

    @Override
    public void promoteModel(ModelCommand c, StreamObserver<CommandResult> out) {
        answer(out, () -> "promoted " + c.getVersion() + ": now serving as " + desk.promote(c.getVersion(), c.getNote()));
    }

    @Override
    public void rollbackModel(ModelCommand c, StreamObserver<CommandResult> out) {
        answer(out, () -> "rolled back: " + desk.rollback(c.getNote()) + " serves again");
    }

    @Override
    public void promoteShadow(ModelCommand c, StreamObserver<CommandResult> out) {
        answer(out, () -> "promoted shadow " + desk.promoteShadow(c.getPluginId()));
    }

    private static void answer(StreamObserver<CommandResult> out, Supplier<String> command) {
        CommandResult result;
        try {
            result = CommandResult.newBuilder().setOk(true).setMessage(command.get()).build();
        } catch (RuntimeException e) { // refused: the registry and the plugin folder are unchanged
            result = CommandResult.newBuilder().setOk(false).setMessage(e.getMessage()).build();
        }
        out.onNext(result);
        out.onCompleted();
    }
}
