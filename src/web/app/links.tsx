import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
  UnstyledButton,
  type UnstyledButtonProps,
} from "@mantine/core";
import { createLink } from "@tanstack/react-router";
import type { ComponentPropsWithRef } from "react";

// Mantine components as router links (typed `to`, `params`, `search`), following
// TanStack Router's createLink recipe; `component={Link}` loses those types.

type A<P> = P & Omit<ComponentPropsWithRef<"a">, keyof P>;

export const AnchorLink = createLink((props: A<AnchorProps>) => <Anchor component="a" {...props} />);
export const ButtonLink = createLink((props: A<ButtonProps>) => <Button component="a" {...props} />);
export const NavLinkLink = createLink((props: A<NavLinkProps>) => <NavLink component="a" {...props} />);
export const UnstyledLink = createLink((props: A<UnstyledButtonProps>) => <UnstyledButton component="a" {...props} />);
