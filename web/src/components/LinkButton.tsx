import { Button, type ButtonProps } from "antd";
import type { MouseEvent } from "react";
import { useNavigate } from "react-router";

type LinkButtonProps = Omit<ButtonProps, "href" | "onClick"> & { to: string; state?: unknown; onNavigate?: () => void };

/** A button that is a real link (new tab works) but navigates inside the app on a plain click. */
export function LinkButton({ to, state, onNavigate, ...rest }: LinkButtonProps) {
  const navigate = useNavigate();
  return (
    <Button
      {...rest}
      href={to}
      onClick={(event: MouseEvent<HTMLElement>) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        onNavigate?.();
        void navigate(to, { state });
      }}
    />
  );
}
